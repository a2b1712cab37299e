import { observeInto } from '../observe/observe.ts';
import type { Scenario } from './scenario.ts';
import { findApi } from '../../contracts/index.ts';
import { ZStackClient } from '../client/zstack-client.ts';
import { registerSecret } from '../reporting/redact.ts';

/*
  Since: 0.6.0
  Testname: Session, log in and out
*/
export const sessionScenario: Scenario = {
  id: 'session',
  title: 'LogInByAccount opens a session that LogOut ends',
  apis: ['LogInByAccount', 'LogOut', 'QueryIAM2Organization'],
  since: '0.6.0',
  // a session is opened and ended, as every run does to log in; no resource is touched
  readOnly: true,
  description:
    'login with the SHA-512 of the password MUST answer 200 with a SessionInventory at once; after LogOut the session MUST be refused with ID.1001.',
  async run(ctx) {
    // A session of its own, so the suite's session stays valid; the run's guards still watch it (the breakers).
    const zs = new ZStackClient(ctx.zs.transport, ctx.zs.config, ctx.zs.contracts);
    zs.guards.push(...ctx.zs.guards);
    const own = { zs, record: ctx.record };
    const login = findApi(zs.contracts, 'Session', 'login');
    const loggedIn = await observeInto(
      own,
      login.name,
      { accountName: zs.config.accountName, password: zs.passwordHash() },
      { session: null },
    );
    const session = (loggedIn.exchange.final.json as { inventory?: { uuid?: unknown } } | undefined)?.inventory?.uuid;
    if (typeof session !== 'string') return;
    registerSecret(session);
    zs.session = session;
    const logout = findApi(zs.contracts, 'Session', 'logout');
    // no Authorization header, as the official SDK sends it (LogOut is @SuppressCredentialCheck)
    await observeInto(own, logout.name, { sessionUuid: session }, { session: null });
    const query = findApi(zs.contracts, 'IAM2Organization', 'query');
    ctx.record.push({
      api: query,
      exchange: await zs.query(query.name, { session, limit: 1 }),
      sent: {},
      expect: { kind: 'invalid-session' },
    });
  },
};
