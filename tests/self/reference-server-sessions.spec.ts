// The reference server's sessions and REST layer (docs/zstack-protocol.md#sessions,
// docs/zstack-protocol.md#http-status-codes): login, logout, Authorization, unknown paths and methods, bodies it
// cannot read. What a bad session gets is judged by the protocol scenarios' checks (tests/self/fault-modes.spec.ts).
import { expect, test } from '@playwright/test';
import { Client, hex32, JAVA8, ORGS, UUID, serverPerFile } from '../../fixtures/reference-client.ts';

const shared = serverPerFile();
const c = shared.client;

test.describe('session and REST layer', () => {
  test('login takes the SHA-512 hex and answers 200 with a SessionInventory', async () => {
    const anon = new Client(shared.server().url);
    const r = await anon.login();
    expect(r.status).toBe(200);
    const inv = r.json.inventory;
    expect(inv.uuid).toMatch(UUID);
    expect(inv.accountUuid).toMatch(UUID);
    expect(inv.userUuid).toBe(inv.accountUuid);
    expect(inv.expiredDate).toMatch(JAVA8);
    expect(inv.createDate).toMatch(JAVA8);
    expect(inv).not.toHaveProperty('userType');
    expect(r.contentType).toBeNull();
    expect(r.json).not.toHaveProperty('error');
  });

  test('wrong credentials are 503 ID.1000; the plain password is not accepted', async () => {
    const anon = new Client(shared.server().url);
    expect((await anon.login('admin', 'wrong')).json.error.code).toBe('ID.1000');
    const plain = await anon.raw('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName: 'admin', password: 'password' },
    });
    expect(plain.status).toBe(503);
    expect(plain.json.error.code).toBe('ID.1000');
  });

  test('missing or non-OAuth Authorization is a plain-text 400', async () => {
    const r1 = await c.raw('GET', ORGS, undefined, { Authorization: '' });
    expect(r1.status).toBe(400);
    const anon = new Client(shared.server().url);
    const r2 = await anon.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } });
    expect(r2.status).toBe(400);
    expect(r2.text).toBe("missing header 'Authorization'");
    expect(r2.contentType).toBeNull();
    const r3 = await anon.raw('GET', ORGS, undefined, { Authorization: `Bearer ${c.session}` });
    expect(r3.status).toBe(400);
    expect(r3.text).toBe("Authorization type must be 'OAuth'");
  });

  // RestServer.handleNonUniqueApi (docs/zstack-protocol.md#http-status-codes): a path several APIs share answers a
  // POST, GET or DELETE none of them takes with 500, a PUT with 400, any other method with 405
  test('unknown path 404; a method no API on a shared path takes: 500, 400 or 405 as RestServer answers; all plain text', async () => {
    const r = await c.raw('GET', '/zstack/v1/no-such-things');
    expect(r.status).toBe(404);
    expect(r.text).toBe('no api mapping to /zstack/v1/no-such-things');
    const m = await c.raw('DELETE', '/zstack/v1/iam2/projects');
    expect([m.status, m.text]).toEqual([500, 'No delete API found for the path[/zstack/v1/iam2/projects]']);
    expect(m.json).toBeUndefined();
    const uuid = hex32();
    const put = await c.raw('PUT', `/zstack/v1/iam2/organizations/${uuid}`, {});
    expect([put.status, put.text]).toEqual([
      400,
      `the body doesn't contain action mapping to the URL[/zstack/v1/iam2/organizations/${uuid}]`,
    ]);
    expect((await c.raw('PATCH', '/zstack/v1/iam2/projects', {})).status).toBe(405);
  });

  test('logout answers 200 {} with or without an Authorization header (the SDK sends none) and ends the session', async () => {
    for (const authorization of ['OAuth', 'none'] as const) {
      const other = new Client(shared.server().url);
      await other.login();
      const path = `/zstack/v1/accounts/sessions/${other.session}`;
      const out =
        authorization === 'OAuth'
          ? await other.raw('DELETE', path)
          : await new Client(shared.server().url).raw('DELETE', path);
      expect([out.status, out.json], authorization).toEqual([200, {}]);
      expect((await other.query(ORGS)).json.error.code, authorization).toBe('ID.1001');
    }
  });

  test('body cap, unparsable JSON and a non-object body are plain-text errors', async () => {
    const big = await c.raw('POST', ORGS, JSON.stringify({ params: { name: 'x'.repeat(1_100_000), type: 'Company' } }));
    expect(big.status).toBe(413);
    const bad = await c.raw('POST', ORGS, '{"params": ');
    expect(bad.status).toBe(400);
    const arr = await c.raw('POST', ORGS, '[1,2]');
    expect(arr.status).toBe(500);
    expect(arr.json).toBeUndefined();
  });
});
