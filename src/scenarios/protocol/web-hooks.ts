import { findApi } from '../../../contracts/index.ts';
import type { Observation } from '../../exchange/observation.ts';
import { newJobUuid } from '../../client/zstack-client.ts';
import { findByName } from '../../observe/raw.ts';
import type { Scenario } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';
import { WebHookReceiver } from '../../observe/web-hook-receiver.ts';

/** Web hooks are not applicable when the target cannot reach the suite's receiver (ZSTACK_WEB_HOOK_BASE=off). */
export const webHooksApplicable = (ctx: Pick<ScenarioContext, 'zs'>): boolean => ctx.zs.config.webHookBase !== 'off';

/*
  Testname: Web hooks
*/
export const webHooksScenario: Scenario = {
  id: 'web-hooks',
  title: "X-Web-Hook makes the server POST the job's result, as polling answers it, with X-Job-UUID and X-Job-Success",
  apis: ['CreateIAM2Organization', 'ChangeIAM2OrganizationState', 'QueryIAM2Organization', 'DeleteIAM2Organization'],
  since: '2.4.0',
  description:
    'a create and a failing state change sent with X-Web-Hook MUST still answer 202 + location, and within the job timeout the server MUST POST to the hook URL the body a poll of the job answers, with X-Job-UUID (the job id) and X-Job-Success (true, then false). Not applicable when ZSTACK_WEB_HOOK_BASE=off.',
  async run(ctx) {
    if (!webHooksApplicable(ctx)) return;
    const receiver = await WebHookReceiver.start(ctx.zs.config.webHookBase);
    try {
      const create = findApi(ctx.zs.contracts, 'IAM2Organization', 'create');
      const name = ctx.kit.name('hook');
      const created = await hooked(ctx, receiver, create.name, { name, type: create.params['type']?.enum?.[0] });
      const org = await findByName(ctx.zs, 'IAM2Organization', name);
      if (org && typeof org['uuid'] === 'string') ctx.kit.adopt('IAM2Organization', org['uuid']);
      if (!org || created.exchange.final.status !== 200) return;
      // A job that fails: a state event outside the allowed values (SYS.1007 from the job).
      const stateEvent = findApi(ctx.zs.contracts, 'IAM2Organization', 'action', 'stateEvent');
      await hooked(
        ctx,
        receiver,
        stateEvent.name,
        { uuid: org['uuid'], [stateEvent.effect?.param ?? 'stateEvent']: 'zc-no-such-event' },
        { kind: 'api-rejection', code: 'SYS.1007', why: 'a stateEvent outside the allowed values' },
      );
    } finally {
      await receiver.close();
    }
  },
};

async function hooked(
  ctx: ScenarioContext,
  receiver: WebHookReceiver,
  api: string,
  params: Record<string, unknown>,
  expect: Observation['expect'] = { kind: 'success' },
): Promise<Observation> {
  const hook = receiver.newHook();
  const exchange = await ctx.zs.call(api, params, { headers: { 'X-Web-Hook': hook.url, 'X-Job-UUID': newJobUuid() } });
  receiver.callAnswered(hook.id);
  const deliveries = await receiver.waitFor(hook.id, ctx.zs.config.jobTimeoutMs);
  const o: Observation = {
    api: ctx.zs.api(api),
    exchange,
    sent: params,
    expect,
    webHook: { waitedMs: ctx.zs.config.jobTimeoutMs, deliveries },
  };
  ctx.record.push(o);
  return o;
}
