import { findApi } from '../../../contracts/index.ts';
import { registerSecret } from '../../reporting/redact.ts';
import { newUuid, ZStackClient } from '../../client/zstack-client.ts';
import { observeInto } from '../../observe/observe.ts';
import type { Scenario } from '../scenario.ts';
import { observeCreate } from '../../observe/raw.ts';

/*
  Testname: Sessions on the wire
*/
export const sessionsScenario: Scenario = {
  id: 'sessions',
  title:
    'A missing or non-OAuth Authorization is refused at once, an unknown or logged-out session as ID.1001, and neither changes anything',
  apis: ['CreateIAM2Organization', 'ChangeIAM2OrganizationState', 'QueryIAM2Organization', 'LogInByAccount', 'LogOut'],
  since: '2.4.0',
  description:
    'a create without Authorization or with a non-OAuth one MUST get 400 at once; with an unknown or logged-out session it MUST fail with ID.1001 through the job (a query: at once); LogOut MUST succeed without an Authorization header; none of the refused calls may create or change anything.',
  async run(ctx) {
    const create = findApi(ctx.zs.contracts, 'IAM2Organization', 'create');
    const query = findApi(ctx.zs.contracts, 'IAM2Organization', 'query');
    const stateEvent = findApi(ctx.zs.contracts, 'IAM2Organization', 'action', 'stateEvent');
    const params = () => ({ name: ctx.kit.name('session'), type: create.params['type']?.enum?.[0] });
    const unknown = newUuid();
    await observeCreate(ctx, 'IAM2Organization', params(), {
      session: null,
      expect: { kind: 'rest-rejection', statuses: [400], why: 'a call without Authorization' },
    });
    await observeCreate(ctx, 'IAM2Organization', params(), {
      session: null,
      headers: { Authorization: `Bearer ${unknown}` },
      expect: { kind: 'rest-rejection', statuses: [400], why: 'a non-OAuth Authorization' },
    });
    await observeCreate(ctx, 'IAM2Organization', params(), { session: unknown, expect: { kind: 'invalid-session' } });
    const org = await ctx.kit.organization();
    const uuid = String(org['uuid']);
    const param = stateEvent.effect?.param ?? 'stateEvent';
    const event =
      Object.keys(stateEvent.effect?.transitions ?? {}).find(
        (e) => stateEvent.effect?.transitions?.[e] !== org['state'],
      ) ?? 'disable';
    await observeInto(
      ctx,
      stateEvent.name,
      { uuid, [param]: event },
      { uuid, session: unknown, expect: { kind: 'invalid-session' } },
    );
    ctx.record.push({
      api: query,
      exchange: await ctx.zs.query(query.name, { session: unknown, limit: 1 }),
      sent: {},
      expect: { kind: 'invalid-session' },
    });

    // A session of its own, logged out without an Authorization header (as the official SDK does), then used.
    const own = new ZStackClient(ctx.zs.transport, ctx.zs.config, ctx.zs.contracts);
    const session = await own.login();
    registerSecret(session);
    const logout = findApi(ctx.zs.contracts, 'Session', 'logout');
    await observeInto(ctx, logout.name, { sessionUuid: session }, { session: null });
    await observeCreate(ctx, 'IAM2Organization', params(), { session, expect: { kind: 'invalid-session' } });
    await observeInto(
      ctx,
      stateEvent.name,
      { uuid, [param]: event },
      { uuid, session, expect: { kind: 'invalid-session' } },
    );
  },
};
