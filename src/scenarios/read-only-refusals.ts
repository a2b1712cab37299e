import { apisOf, sinceOf } from '../../contracts/index.ts';
import { newUuid } from '../client/zstack-client.ts';
import { versionAtLeast } from '../contract-model/schemas.ts';
import { observeInto } from '../observe/observe.ts';
import type { Scenario } from './scenario.ts';

/*
  Since: 2.4.0
  Testname: Refusals that touch no resource
*/
export const readOnlyRefusalsScenario: Scenario = {
  id: 'read-only-refusals',
  title:
    'Every state event and update is refused before it can touch anything: wrong action key, no Authorization, unknown session',
  apis: [
    'ChangeIAM2OrganizationState',
    'UpdateIAM2TicketFlowCollection',
    'ChangeTicketFlowCollectionState',
    'QueryIAM2Organization',
    'QueryTicketFlowCollection',
  ],
  since: '2.4.0',
  description:
    'for every state event and update the target offers, aimed at a well-formed uuid that names nothing: a mis-cased action key and a missing Authorization header MUST get 400 from the REST layer at once (no job), an unknown session MUST fail with ID.1001; a query of each resource MUST succeed. Nothing here can change the target, so it also runs with ZSTACK_READ_ONLY=true.',
  readOnly: true,
  async run(ctx) {
    const { zs } = ctx;
    const actions = [...zs.contracts.apis.values()]
      .filter(
        (a) => a.kind === 'action' && (a.effect?.kind === 'stateEvent' || a.effect?.kind === 'update') && a.bodyKey,
      )
      .filter((a) => versionAtLeast(zs.config.targetVersion, sinceOf(a)))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const api of actions) {
      const uuid = newUuid(); // names nothing: even a server that wrongly runs the call has nothing to change
      const params: Record<string, unknown> =
        api.effect?.kind === 'stateEvent'
          ? { uuid, [api.effect.param ?? 'stateEvent']: Object.keys(api.effect.transitions ?? {})[0] }
          : { uuid, description: 'zstack-conformance: must not be applied' };
      const key = (api.bodyKey as string).toLowerCase();
      await observeInto(ctx, api.name, params, {
        bodyKeyOverride: key,
        expect: { kind: 'rest-rejection', statuses: [400], why: `lower-case action key ${key}` },
      });
      await observeInto(ctx, api.name, params, {
        session: null,
        expect: { kind: 'rest-rejection', statuses: [400], why: 'no Authorization header' },
      });
      await observeInto(ctx, api.name, params, { session: newUuid(), expect: { kind: 'invalid-session' } });
    }
    const resources = [...new Set(actions.map((a) => a.resource))];
    for (const resource of resources) {
      const query = apisOf(zs.contracts, resource).find((a) => a.kind === 'query');
      if (!query) continue;
      ctx.record.push({
        api: query,
        exchange: await zs.query(query.name, { limit: 1 }),
        sent: { limit: 1 },
        expect: { kind: 'success' },
      });
    }
  },
};
