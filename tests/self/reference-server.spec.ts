// Self-test of the embedded reference server (reference-server/): the wire protocol of
// docs/zstack-protocol.md, its conformant variants and a sample of its fault modes.
// Plain fetch against in-process servers; no suite code (src/) involved.
import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { FaultName, Variant } from '../../reference-server/faults.ts';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../../reference-server/server.ts';

const JAVA8 = /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/;
const JAVA9 = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} (AM|PM)$/;
const UUID = /^[0-9a-f]{32}$/;
const sha512 = (s: string): string => createHash('sha512').update(s).digest('hex');
const hex32 = (): string => randomUUID().replace(/-/g, '');

// `any` for reply bodies on purpose: these tests probe the server's raw JSON field by field, and each
// expectation is the type check (a typed client here would duplicate the schemas the server must not import).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;
interface Reply {
  status: number;
  text: string;
  json: RawJson;
  contentType: string | null;
}

class Client {
  session = '';
  constructor(readonly base: string) {}

  async raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { ...headers };
    if (this.session && !('Authorization' in h)) h.Authorization = `OAuth ${this.session}`;
    const init: RequestInit = { method, headers: h };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const r = await fetch(path.startsWith('http') ? path : this.base + path, init);
    const text = await r.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, text, json, contentType: r.headers.get('content-type') };
  }

  async login(accountName = 'admin', password = 'password'): Promise<Reply> {
    const r = await this.raw('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName, password: sha512(password) },
    });
    if (r.status === 200 && r.json?.inventory?.uuid) this.session = r.json.inventory.uuid;
    return r;
  }

  /** An async call: expects 202 + location, then polls until the job is done. */
  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    pollHeaders: Record<string, string> = {},
  ): Promise<Reply & { location: string }> {
    const accepted = await this.raw(method, path, body, headers);
    expect(accepted.status, accepted.text).toBe(202);
    const location = accepted.json.location as string;
    for (let i = 0; i < 100; i++) {
      const r = await this.raw('GET', location, undefined, pollHeaders);
      if (r.status !== 202) return { ...r, location };
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('job never finished');
  }

  async ok(method: string, path: string, body?: unknown): Promise<RawJson> {
    const r = await this.call(method, path, body);
    expect(r.status, r.text).toBe(200);
    return r.json;
  }

  async org(params: Record<string, unknown> = {}): Promise<RawJson> {
    return (
      await this.ok('POST', '/zstack/v1/iam2/organizations', {
        params: { name: `org-${hex32()}`, type: 'Company', ...params },
      })
    ).inventory;
  }

  async project(name = `p-${hex32()}`): Promise<RawJson> {
    return (await this.ok('POST', '/zstack/v1/iam2/projects', { params: { name } })).inventory;
  }

  async vid(projectUuid?: string): Promise<RawJson> {
    return (
      await this.ok('POST', '/zstack/v1/iam2/virtual-ids', {
        params: { name: `v-${hex32()}`, password: 'secret-pw', projectUuid },
      })
    ).inventory;
  }

  /** project + member virtual ID + collection with one flow */
  async collection(extra: Record<string, unknown> = {}): Promise<{ project: RawJson; vid: RawJson; coll: RawJson }> {
    const project = await this.project();
    const vid = await this.vid(project.uuid);
    const coll = (
      await this.ok('POST', '/zstack/v1/tickets/flow-collections', {
        params: {
          projectUuid: project.uuid,
          name: `c-${hex32()}`,
          flows: [{ name: 'f1', approverUuid: vid.uuid }],
          ...extra,
        },
      })
    ).inventory;
    return { project, vid, coll };
  }

  async query(path: string): Promise<Reply> {
    return this.raw('GET', path);
  }
}

async function withServer<T>(
  opts: ReferenceServerOptions,
  fn: (c: Client, s: ReferenceServer) => Promise<T>,
): Promise<T> {
  const s = await startReferenceServer(opts);
  try {
    const c = new Client(s.url);
    const login = await c.login(opts.accountName, opts.password);
    if (!opts.faults?.includes('no-inventory-on-success')) expect(login.status).toBe(200);
    return await fn(c, s);
  } finally {
    await s.close();
  }
}
const withFaults = <T>(faults: FaultName[], fn: (c: Client, s: ReferenceServer) => Promise<T>) =>
  withServer({ faults }, fn);
const withVariant = <T>(variant: Partial<Variant>, fn: (c: Client, s: ReferenceServer) => Promise<T>) =>
  withServer({ variant }, fn);

let server: ReferenceServer;
let c: Client;

test.beforeAll(async () => {
  server = await startReferenceServer();
  c = new Client(server.url);
  expect((await c.login()).status).toBe(200);
});

test.afterAll(async () => {
  await server?.close();
});

const ORGS = '/zstack/v1/iam2/organizations';
const COLLS = '/zstack/v1/tickets/flow-collections';

test.describe('session and REST layer', () => {
  test('login takes the SHA-512 hex and answers 200 with a SessionInventory', async () => {
    const anon = new Client(server.url);
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
    const anon = new Client(server.url);
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
    const anon = new Client(server.url);
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

  test('a bad session fails the job with ID.1001 (never 401); a query answers 503 ID.1001 at once', async () => {
    const bad = new Client(server.url);
    bad.session = hex32();
    const r = await bad.call('POST', ORGS, { params: { name: 'x', type: 'Company' } });
    expect(r.status).toBe(503);
    expect(r.json.error.code).toBe('ID.1001');
    expect(r.json).not.toHaveProperty('inventory');
    const q = await bad.query(ORGS);
    expect(q.status).toBe(503);
    expect(q.json.error.code).toBe('ID.1001');
  });

  test('logout answers 200 {} and invalidates the session', async () => {
    const other = new Client(server.url);
    await other.login();
    const out = await other.raw('DELETE', `/zstack/v1/accounts/sessions/${other.session}`);
    expect(out.status).toBe(200);
    expect(out.json).toEqual({});
    expect((await other.query(ORGS)).json.error.code).toBe('ID.1001');
  });

  test('logout needs no Authorization header, as the official SDK sends it (@SuppressCredentialCheck)', async () => {
    const other = new Client(server.url);
    await other.login();
    const out = await fetch(`${server.url}/zstack/v1/accounts/sessions/${other.session}`, { method: 'DELETE' });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({});
    expect((await other.query(ORGS)).json.error.code).toBe('ID.1001');
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

test.describe('async jobs', () => {
  test('create answers 202 + location + apiTimeout; the poll gives 200 with the inventory', async () => {
    const accepted = await c.raw('POST', ORGS, { params: { name: 'job-org', type: 'Company' } });
    expect(accepted.status).toBe(202);
    expect(accepted.json.location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/zstack/v1/api-jobs/[0-9a-f]{32}$`));
    expect(typeof accepted.json.apiTimeout).toBe('number');
    expect(accepted.contentType).toBeNull();
    const done = await c.raw('GET', accepted.json.location, undefined, { Authorization: '' });
    expect(done.status).toBe(200);
    expect(done.json.inventory.name).toBe('job-org');
    expect(done.json).not.toHaveProperty('error');
    // results are stable
    expect((await c.raw('GET', accepted.json.location)).json).toEqual(done.json);
  });

  test('X-Job-UUID becomes the job id; bad length and duplicates are 400', async () => {
    const id = hex32();
    const r = await c.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } }, { 'X-Job-UUID': id });
    expect(r.json.location.endsWith(`/zstack/v1/api-jobs/${id}`)).toBe(true);
    const dup = await c.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } }, { 'X-Job-UUID': id });
    expect(dup.status).toBe(400);
    expect(dup.text).toBe(`Duplicate job uuid[${id}]`);
    const short = await c.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } }, { 'X-Job-UUID': 'abc' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('Invalid header[X-Job-UUID]');
  });

  test('unknown job 404 plain text; another method on a job URL 405', async () => {
    const r = await c.raw('GET', `/zstack/v1/api-jobs/${hex32()}`);
    expect(r.status).toBe(404);
    expect(r.text).toBe('the job has been expired');
    const accepted = await c.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } });
    expect((await c.raw('DELETE', accepted.json.location)).status).toBe(405);
    expect((await c.raw('POST', accepted.json.location, {})).status).toBe(405);
  });
});

test.describe('validation through the job', () => {
  test('SYS.1007 for missing, out-of-enum and over-long values; 255 chars after trim is fine', async () => {
    const missing = await c.call('POST', ORGS, { params: { type: 'Company' } });
    expect(missing.status).toBe(503);
    expect(missing.json.error).toMatchObject({
      code: 'SYS.1007',
      description: expect.any(String),
      details: expect.stringContaining('name'),
    });
    expect((await c.call('POST', ORGS, { params: { name: 'x', type: 'Default' } })).json.error.code).toBe('SYS.1007');
    expect((await c.call('POST', ORGS, { params: { name: 'x'.repeat(256), type: 'Company' } })).json.error.code).toBe(
      'SYS.1007',
    );
    const fits = await c.org({ name: `  ${'y'.repeat(255)}  ` });
    expect(fits.name).toBe('y'.repeat(255));
  });

  test('SYS.1003 for an unknown referenced uuid and for an action on an unknown resource', async () => {
    const ghost = hex32();
    const r = await c.call('POST', ORGS, { params: { name: 'x', type: 'Company', parentUuid: ghost } });
    expect(r.json.error.code).toBe('SYS.1003');
    const a = await c.call('PUT', `${ORGS}/${ghost}/actions`, {
      changeIAM2OrganizationState: { stateEvent: 'disable' },
    });
    expect(a.status).toBe(503);
    expect(a.json.error.code).toBe('SYS.1003');
    expect(a.json.error.details).toBe(
      `invalid field[uuid], resource[uuid:${ghost}, type:IAM2OrganizationVO] not found`,
    );
  });

  test('the action key is case-sensitive: a lower-case key is 400 plain text', async () => {
    const org = await c.org();
    const r = await c.raw('PUT', `${ORGS}/${org.uuid}/actions`, {
      changeiam2organizationstate: { stateEvent: 'disable' },
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe(`the body doesn't contain action mapping to the URL[${ORGS}/${org.uuid}/actions]`);
  });
});

test.describe('JSON types and trimming', () => {
  test('Boolean takes "TRUE"; "maybe" is a 400 before any job', async () => {
    const { coll } = await c.collection({ isDefault: 'TRUE' });
    expect(coll.isDefault).toBe(true);
    const r = await c.raw('PUT', `${COLLS}/${coll.uuid}/actions`, {
      updateIAM2TicketFlowCollection: { isDefault: 'maybe' },
    });
    expect(r.status).toBe(400);
    expect(r.json).toBeUndefined();
  });

  test('a number for a String is stored as Java Double text; an object is a plain 500', async () => {
    expect((await c.org({ name: 5 })).name).toBe('5.0');
    expect((await c.org({ name: 1.5 })).name).toBe('1.5');
    expect((await c.org({ name: true })).name).toBe('true');
    const r = await c.raw('POST', ORGS, { params: { name: { a: 1 }, type: 'Company' } });
    expect(r.status).toBe(500);
    expect(r.json).toBeUndefined();
    const list = await c.raw('POST', COLLS, { params: { projectUuid: hex32(), name: 'c', flows: 'x' } });
    expect(list.status).toBe(500);
  });

  test('strings are trimmed like Java String.trim(), not other Unicode spaces', async () => {
    expect((await c.org({ name: '\t  a b \n' })).name).toBe('a b');
    expect((await c.org({ name: '\u00a0x\u00a0' })).name).toBe('\u00a0x\u00a0');
    const org = await c.org();
    const r = await c.ok('PUT', `${ORGS}/${org.uuid}/actions`, {
      changeIAM2OrganizationState: { stateEvent: ' disable ' },
    });
    expect(r.inventory.state).toBe('Disabled');
  });
});

test.describe('organizations', () => {
  test('create fills the NOT NULL fields; a child gets its root', async () => {
    const root = await c.org({ description: 'd', attributes: [{ name: 'k', value: 'v' }, { name: 'k2' }] });
    expect(root).toMatchObject({
      state: 'Enabled',
      type: 'Company',
      srcType: 'ZStack',
      rootOrganizationUuid: root.uuid,
      description: 'd',
    });
    expect(root.createDate).toMatch(JAVA8);
    expect(root.attributes).toHaveLength(2);
    expect(root.attributes[0]).toMatchObject({
      name: 'k',
      value: 'v',
      type: 'Customized',
      organizationUuid: root.uuid,
    });
    expect(root.attributes[1]).not.toHaveProperty('value');
    const child = await c.org({ type: 'Department', parentUuid: root.uuid });
    const grandchild = await c.org({ type: 'Department', parentUuid: child.uuid });
    expect(grandchild.rootOrganizationUuid).toBe(root.uuid);
    expect((await c.org()).attributes).toEqual([]);
    expect(root).not.toHaveProperty('parentUuid');
  });

  test('state events are idempotent and change nothing else; invalid events are SYS.1007', async () => {
    const org = await c.org();
    const path = `${ORGS}/${org.uuid}/actions`;
    const d1 = (await c.ok('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'disable' } })).inventory;
    const d2 = (await c.ok('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'disable' } })).inventory;
    expect(d1.state).toBe('Disabled');
    expect(d2.state).toBe('Disabled');
    const { state: _s, lastOpDate: _l, ...rest } = d2;
    const { state: _s0, lastOpDate: _l0, ...rest0 } = org;
    expect(rest).toEqual(rest0);
    expect((await c.call('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'Enable' } })).json.error.code).toBe(
      'SYS.1007',
    );
    expect((await c.ok('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'enable' } })).inventory.state).toBe(
      'Enabled',
    );
  });

  test('delete answers {}; a repeat succeeds; a malformed uuid is SYS.1003; deleted ones vanish', async () => {
    const org = await c.org();
    expect(await c.ok('DELETE', `${ORGS}/${org.uuid}?deleteMode=Permissive`)).toEqual({});
    expect(await c.ok('DELETE', `${ORGS}/${org.uuid}`)).toEqual({});
    expect((await c.call('DELETE', `${ORGS}/not-a-uuid`)).json.error.code).toBe('SYS.1003');
    expect((await c.query(`${ORGS}/${org.uuid}`)).json.inventories).toEqual([]);
    const a = await c.call('PUT', `${ORGS}/${org.uuid}/actions`, {
      changeIAM2OrganizationState: { stateEvent: 'enable' },
    });
    expect(a.json.error.code).toBe('SYS.1003');
    // no deleteMode check: the SDK declares none for DeleteIAM2Organization, and no allowed values where it has one
  });
});

test.describe('projects and flow collections', () => {
  test('project names are unique (case-insensitive) until expunged', async () => {
    const name = `Proj-${hex32()}`;
    const p = await c.project(name);
    expect(p).toMatchObject({ state: 'Enabled', linkedAccountUuid: expect.stringMatching(UUID) });
    const dup = await c.call('POST', '/zstack/v1/iam2/projects', { params: { name: name.toLowerCase() + '  ' } });
    expect(dup.json.error).toMatchObject({ code: 'SYS.1007' });
    expect(dup.json.error.details).toContain('duplicate project name');
    expect(await c.ok('DELETE', `/zstack/v1/iam2/projects/${p.uuid}`)).toEqual({});
    expect((await c.call('POST', '/zstack/v1/iam2/projects', { params: { name } })).json.error.code).toBe('SYS.1007');
    expect(await c.ok('PUT', `/zstack/v1/iam2/projects/${p.uuid}/actions`, { expungeIAM2Project: {} })).toEqual({});
    expect((await c.project(name)).name).toBe(name);
  });

  test('a flow collection needs >= 1 flow approved by a member virtual ID', async () => {
    const project = await c.project();
    const outsider = await c.vid();
    const base = { projectUuid: project.uuid, name: 'c' };
    const none = await c.call('POST', COLLS, { params: { ...base, flows: [] } });
    expect(none.json.error).toMatchObject({
      code: 'SYS.1007',
      details: 'at least one flow is needed for create flow collection',
    });
    expect((await c.call('POST', COLLS, { params: base })).json.error.details).toBe(
      'at least one flow is needed for create flow collection',
    );
    const ghost = hex32();
    const notVid = await c.call('POST', COLLS, { params: { ...base, flows: [{ name: 'f', approverUuid: ghost }] } });
    expect(notVid.json.error.details).toBe(`can not find IAM2VirtualIDVO[uuid:${ghost}]`);
    const notMember = await c.call('POST', COLLS, {
      params: { ...base, flows: [{ name: 'f', approverUuid: outsider.uuid }] },
    });
    expect(notMember.json.error.details).toBe(
      `virtual id[uuid:${outsider.uuid}] not belong to project[uuid:${project.uuid}]`,
    );
    expect(
      (await c.call('POST', COLLS, { params: { ...base, flows: [{ approverUuid: outsider.uuid }] } })).json.error
        .details,
    ).toBe('name cannot be null');
    expect((await c.call('POST', COLLS, { params: { ...base, flows: [{ name: 'f' }] } })).json.error.details).toBe(
      'approverUuid cannot be null',
    );
    expect(
      (
        await c.call('POST', COLLS, {
          params: { ...base, projectUuid: hex32(), flows: [{ name: 'f', approverUuid: outsider.uuid }] },
        })
      ).json.error.code,
    ).toBe('SYS.1003');
    // joining the project makes it valid
    expect(
      await c.ok('POST', `/zstack/v1/iam2/projects/${project.uuid}/virtual-ids`, {
        params: { virtualIDUuids: [outsider.uuid] },
      }),
    ).toEqual({});
    const vid2 = await c.vid(project.uuid);
    const r = await c.call(
      'POST',
      COLLS,
      {
        params: {
          ...base,
          flows: [
            { name: 'f1', approverUuid: outsider.uuid },
            { name: 'f2', description: 'second', approverUuid: vid2.uuid },
          ],
        },
      },
      { 'X-JSON-Schema': 'true' },
    );
    expect(r.status).toBe(200);
    const coll = r.json.inventory;
    expect(coll).toMatchObject({
      state: 'Enabled',
      status: 'Valid',
      isDefault: false,
      projectUuid: project.uuid,
      ticketTypeUuids: [],
    });
    expect(coll).not.toHaveProperty('description');
    expect(coll.flows[0]).toMatchObject({
      name: 'f1',
      collectionUuid: coll.uuid,
      approverUuid: outsider.uuid,
      valid: true,
      flowContextType: expect.any(String),
      flowContext: expect.any(String),
    });
    expect(coll.flows[0]).not.toHaveProperty('parentFlowUuid');
    expect(coll.flows[1].parentFlowUuid).toBe(coll.flows[0].uuid);
    expect(Object.entries(r.json.schema)).toEqual([
      ['inventory', 'org.zstack.ticket.iam2.entity.IAM2TicketFlowCollectionInventory'],
      ['inventory.flows[0]', 'org.zstack.ticket.iam2.entity.IAM2TicketFlowInventory'],
      ['inventory.flows[1]', 'org.zstack.ticket.iam2.entity.IAM2TicketFlowInventory'],
    ]);
  });

  test('update changes only the fields sent; flows are replaced and re-validated', async () => {
    const { coll, vid } = await c.collection({ description: 'keep me' });
    const path = `${COLLS}/${coll.uuid}/actions`;
    const u1 = (await c.ok('PUT', path, { updateIAM2TicketFlowCollection: { name: ' renamed ' } })).inventory;
    expect(u1).toMatchObject({
      name: 'renamed',
      description: 'keep me',
      isDefault: false,
      flows: coll.flows,
      createDate: coll.createDate,
    });
    const u2 = (
      await c.ok('PUT', path, {
        updateIAM2TicketFlowCollection: {
          flows: [
            { name: 'n1', approverUuid: vid.uuid },
            { name: 'n2', approverUuid: vid.uuid },
          ],
        },
      })
    ).inventory;
    expect(u2.flows.map((f: RawJson) => f.name)).toEqual(['n1', 'n2']);
    expect(u2.flows[0].uuid).not.toBe(coll.flows[0].uuid);
    expect(
      (await c.call('PUT', path, { updateIAM2TicketFlowCollection: { flows: [{ name: 'x', approverUuid: hex32() }] } }))
        .json.error.code,
    ).toBe('SYS.1007');
    expect(
      (await c.call('PUT', path, { updateIAM2TicketFlowCollection: { name: 'z'.repeat(256) } })).json.error.code,
    ).toBe('SYS.1007');
    const q = (await c.query(`${COLLS}/${coll.uuid}`)).json.inventories[0];
    expect(q.name).toBe('renamed');
    const s = (await c.ok('PUT', path, { changeTicketFlowCollectionState: { stateEvent: 'disable' } })).inventory;
    expect(s.state).toBe('Disabled');
  });

  test('expunging a project removes its flow collections', async () => {
    const { project, coll } = await c.collection();
    await c.ok('DELETE', `/zstack/v1/iam2/projects/${project.uuid}`);
    expect((await c.query(`${COLLS}/${coll.uuid}`)).json.inventories).toHaveLength(1);
    await c.ok('PUT', `/zstack/v1/iam2/projects/${project.uuid}/actions`, { expungeIAM2Project: {} });
    expect((await c.query(`${COLLS}/${coll.uuid}`)).json.inventories).toEqual([]);
    expect(
      (await c.call('PUT', `/zstack/v1/iam2/projects/${project.uuid}/actions`, { expungeIAM2Project: {} })).json.error
        .code,
    ).toBe('SYS.1003');
  });
});

test.describe('queries', () => {
  const tag = hex32().slice(0, 8);
  const names = [`q${tag}-Alpha`, `q${tag}-beta`, `q${tag}-Gamma`, `q${tag}-delta_x`];
  const orgs: RawJson[] = [];
  const q = (s: string) => `${ORGS}?q=${encodeURIComponent(`name~=q${tag}-%`)}&${s}`;

  test.beforeAll(async () => {
    for (const [i, name] of names.entries())
      orgs.push(
        await c.org({
          name,
          description: i % 2 === 0 ? `desc ${i}` : undefined,
          attributes: [{ name: 'a', value: `v${i}` }],
        }),
      );
  });

  test('reply shape: inventories + schema map, parents before children', async () => {
    const r = await c.query(q('sort=name'));
    expect(r.status).toBe(200);
    expect(r.contentType).toBeNull();
    expect(r.json.inventories).toHaveLength(4);
    expect(r.json).not.toHaveProperty('total');
    const keys = Object.keys(r.json.schema);
    expect(keys.slice(0, 2)).toEqual(['inventories[0]', 'inventories[0].attributes[0]']);
    expect(r.json.schema['inventories[3]']).toBe('org.zstack.iam2.entity.IAM2OrganizationInventory');
    expect(r.json.schema['inventories[3].attributes[0]']).toBe(
      'org.zstack.iam2.entity.IAM2OrganizationAttributeInventory',
    );
  });

  test('conditions: case-insensitive =, != skips NULL, like, in, is null, nested fields', async () => {
    const names$ = async (s: string) => ((await c.query(q(s))).json.inventories as RawJson[]).map((i) => i.name).sort();
    expect(await names$(`q=${encodeURIComponent(`name=Q${tag}-ALPHA `)}`)).toEqual([names[0]]);
    expect(await names$(`q=${encodeURIComponent('description!=desc 0')}`)).toEqual([names[2]]);
    expect(await names$('q=description%20is%20null')).toEqual([names[1], names[3]].sort());
    expect(await names$('q=description%20not%20null')).toEqual([names[0], names[2]].sort());
    expect(await names$(`q=${encodeURIComponent(`name?=${names[1]},${names[2]}`)}`)).toEqual(
      [names[1], names[2]].sort(),
    );
    expect(await names$(`q=${encodeURIComponent(`name!?=${names[1]},${names[2]}`)}`)).toEqual(
      [names[0], names[3]].sort(),
    );
    expect(await names$(`q=${encodeURIComponent('name~=%\\_x')}`)).toEqual([names[3]]);
    expect(await names$(`q=${encodeURIComponent('name!~=%a')}`)).toEqual([names[3]]);
    expect(await names$(`q=${encodeURIComponent('attributes.value=v2')}`)).toEqual([names[2]]);
    expect(await names$(`q=${encodeURIComponent('state=enabled')}&q=${encodeURIComponent('type=Company')}`)).toEqual(
      [...names].sort(),
    );
  });

  test('sort, limit, start, count, replyWithCount, fields', async () => {
    const asc = (await c.query(q('sort=%2Bname'))).json.inventories.map((i: RawJson) => i.name);
    expect(asc).toEqual([names[0], names[1], names[3], names[2]]);
    const desc = (await c.query(q('sort=-name&limit=2&start=1&replyWithCount=true'))).json;
    expect(desc.inventories.map((i: RawJson) => i.name)).toEqual([names[3], names[1]]);
    expect(desc.total).toBe(4);
    const count = (await c.query(q('count=TRUE&limit=1'))).json;
    expect(count).toEqual({ total: 4, schema: {} });
    const fields = (await c.query(q('fields=name,%20description&sort=name'))).json.inventories;
    expect(fields[0]).toEqual({ name: names[0], description: 'desc 0' });
    expect(fields[1]).toEqual({ name: names[1] });
    expect((await c.query(q('limit=0'))).json.inventories).toEqual([]);
    expect((await c.query(q('limit=%2B2'))).json.inventories).toHaveLength(2);
    // ignored parameters
    expect((await c.query(q('condition=name=zzz&sortBy=name'))).json.inventories).toHaveLength(4);
  });

  test('400 for malformed conditions and limits; 503 SYS.1000 for unknown fields and negatives', async () => {
    for (const s of ['q=name', 'q=%3Dx', 'limit=1.0', 'limit=abc', 'start=', 'fields=,']) {
      const r = await c.query(`${ORGS}?${s}`);
      expect(r.status, s).toBe(400);
      expect(r.json, s).toBeUndefined();
    }
    // `  =x` and `is null` split into an empty field, which only ZQL refuses (docs/zstack-protocol.md#query-errors)
    for (const s of [
      'q=nope%3D1',
      'sort=nope',
      'fields=nope',
      'limit=-1',
      'start=-1',
      "q=name%3Da'b",
      'sort=',
      'q=%20%20%3Dx',
      'q=%20%3Ex',
      'q=is%20null',
    ]) {
      const r = await c.query(`${ORGS}?${s}`);
      expect(r.status, s).toBe(503);
      expect(r.json.error.code, s).toBe('SYS.1000');
    }
    const bad = new Client(server.url);
    bad.session = hex32();
    expect((await bad.query(`${ORGS}?q=name`)).status).toBe(400);
  });

  test('timestamps compare as MySQL datetimes; tags match case-insensitively', async () => {
    const count = async (s: string) => (await c.query(q(`count=true&${s}`))).json.total;
    expect(await count(`q=${encodeURIComponent('createDate>2000-01-01 00:00:00')}`)).toBe(4);
    expect(await count(`q=${encodeURIComponent('createDate<20000101000000')}`)).toBe(0);
    // the display format is not a date: the zero date, so `>` and `!=` match every row, `=` none
    expect(await count(`q=${encodeURIComponent(`createDate=${orgs[0].createDate}`)}`)).toBe(0);
    expect(await count(`q=${encodeURIComponent(`createDate!=${orgs[0].createDate}`)}`)).toBe(4);
    const tagged = (
      await c.ok('POST', ORGS, { params: { name: `t-${tag}`, type: 'Company' }, userTags: ['Red'], systemTags: [] })
    ).inventory;
    const withTag = (await c.query(`${ORGS}?q=__userTag__=red&q=name=t-${tag}`)).json.inventories;
    expect(withTag.map((i: RawJson) => i.uuid)).toEqual([tagged.uuid]);
    expect(await count('q=__userTag__!=red')).toBe(4);
    expect((await c.raw('POST', ORGS, { params: { name: 'x', type: 'Company' }, userTags: 'Red' })).status).toBe(500);
  });

  test('GET .../{uuid} ignores parameters; unknown uuid is an empty list', async () => {
    const r = (await c.query(`${ORGS}/${orgs[0].uuid}?count=true&q=name=zzz&fields=uuid`)).json;
    expect(r.inventories).toHaveLength(1);
    expect(r.inventories[0].name).toBe(names[0]);
    expect((await c.query(`${ORGS}/${hex32()}`)).json).toEqual({ inventories: [], schema: {} });
  });

  test('flow collection queries: boolean values and the flows in the schema map', async () => {
    const { coll } = await c.collection({ isDefault: true });
    const r = (await c.query(`${COLLS}?q=uuid=${coll.uuid}&q=isDefault=TRUE`)).json;
    expect(r.inventories).toHaveLength(1);
    expect(Object.keys(r.schema)).toEqual(['inventories[0]', 'inventories[0].flows[0]']);
    expect((await c.query(`${COLLS}?q=uuid=${coll.uuid}&q=isDefault=yes`)).json.error.code).toBe('SYS.1000');
    expect((await c.query(`${COLLS}?q=uuid=${coll.uuid}&q=isDefault?=true`)).json.inventories).toEqual([]);
  });
});

test.describe('variants', () => {
  test('java9 dates', async () => {
    await withVariant({ dateFormat: 'java9' }, async (v) => {
      expect((await v.org()).createDate).toMatch(JAVA9);
    });
  });

  test('json content type on JSON bodies only', async () => {
    await withVariant({ contentType: 'json' }, async (v) => {
      expect((await v.query(ORGS)).contentType).toBe('application/json;charset=UTF-8');
      expect((await v.raw('GET', '/zstack/v1/nothing')).contentType).toBeNull();
    });
  });

  test('extra fields in inventories and at the top level', async () => {
    await withVariant({ extraFields: true }, async (v) => {
      const r = await v.call('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      const known = [
        'uuid',
        'name',
        'description',
        'state',
        'type',
        'srcType',
        'parentUuid',
        'rootOrganizationUuid',
        'createDate',
        'lastOpDate',
        'attributes',
      ];
      expect(Object.keys(r.json.inventory).some((k) => !known.includes(k))).toBe(true);
      expect(Object.keys(r.json).some((k) => k !== 'inventory')).toBe(true);
    });
  });

  test('explicit "error": null on success', async () => {
    await withVariant({ explicitNullError: true }, async (v) => {
      const r = await v.call('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      expect(r.text).toContain('"error":null');
      expect((await v.query(ORGS)).json).toHaveProperty('error', null);
    });
  });

  test('job location on another host keeps the api-jobs path', async () => {
    await withVariant({ jobLocationHost: 'zstack-mn.internal:8080' }, async (v) => {
      const r = await v.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      const loc = new URL(r.json.location);
      expect(loc.host).toBe('zstack-mn.internal:8080');
      expect((await v.raw('GET', loc.pathname)).status).toBe(200);
    });
  });

  test('slow jobs: pending polls answer 202 with the location', async () => {
    await withVariant({ jobDelayMs: 300, pendingBody: 'location' }, async (v) => {
      const r = await v.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      const pending = await v.raw('GET', r.json.location);
      expect(pending.status).toBe(202);
      expect(pending.json).toEqual({ location: r.json.location });
      await new Promise((res) => setTimeout(res, 350));
      expect((await v.raw('GET', r.json.location)).status).toBe(200);
    });
    await withVariant({ jobDelayMs: 300 }, async (v) => {
      const r = await v.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      expect((await v.raw('GET', r.json.location)).json).toEqual({});
    });
  });

  test('wrong shapes give 400 with wrongShapeStatus 400', async () => {
    await withVariant({ wrongShapeStatus: 400 }, async (v) => {
      expect((await v.raw('POST', ORGS, { params: { name: ['x'], type: 'Company' } })).status).toBe(400);
    });
  });

  test('custom account and password', async () => {
    const s = await startReferenceServer({ accountName: 'ops', password: 'p@ss' });
    try {
      const v = new Client(s.url);
      expect((await v.login('admin', 'password')).status).toBe(503);
      expect((await v.login('ops', 'p@ss')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

test.describe('fault modes', () => {
  test('two servers with different faults run side by side', async () => {
    await withFaults(['bad-session-accepted'], async (f) => {
      const bad = new Client(f.base);
      bad.session = hex32();
      expect((await bad.query(ORGS)).status).toBe(200);
      const good = new Client(server.url);
      good.session = hex32();
      expect((await good.query(ORGS)).status).toBe(503);
    });
  });

  test('reply faults: error-on-success, no-inventory-on-success, missing-uuid, wrong-field-type', async () => {
    await withFaults(['error-on-success'], async (f) => {
      expect((await f.call('POST', ORGS, { params: { name: 'x', type: 'Company' } })).json.error.code).toEqual(
        expect.any(String),
      );
    });
    await withFaults(['no-inventory-on-success'], async (f) => {
      // the login keeps its inventory (or no call could follow it); results of APIs lose theirs
      expect((await f.call('POST', ORGS, { params: { name: 'x', type: 'Company' } })).json).toEqual({});
    });
    await withFaults(['missing-uuid'], async (f) => {
      const r = await f.call('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      expect(r.json.inventory).not.toHaveProperty('uuid');
    });
    await withFaults(['wrong-field-type'], async (f) => {
      const { coll } = await f.collection();
      expect(coll.isDefault).toBe('false');
    });
  });

  test('timestamp faults', async () => {
    await withFaults(['iso-timestamps'], async (f) =>
      expect((await f.org()).createDate).toMatch(/^\d{4}-\d{2}-\d{2}T/),
    );
    await withFaults(['java20-timestamps'], async (f) => expect((await f.org()).createDate).toContain('\u202f'));
  });

  test('failure faults: errorcode-without-code, inventory-on-failure, failure-as-200', async () => {
    const body = { params: { type: 'Company' } };
    await withFaults(['errorcode-without-code'], async (f) => {
      const r = await f.call('POST', ORGS, body);
      expect(r.status).toBe(503);
      expect(r.json.error).not.toHaveProperty('code');
    });
    await withFaults(['inventory-on-failure'], async (f) =>
      expect((await f.call('POST', ORGS, body)).json).toHaveProperty('inventory'),
    );
    await withFaults(['failure-as-200'], async (f) => {
      const r = await f.call('POST', ORGS, body);
      expect(r.status).toBe(200);
      expect(r.json.error.code).toBe('SYS.1007');
    });
  });

  test('state faults', async () => {
    const change = (f: Client, uuid: string, stateEvent: string) =>
      f.call('PUT', `${ORGS}/${uuid}/actions`, { changeIAM2OrganizationState: { stateEvent } });
    await withFaults(['state-not-changed'], async (f) => {
      const o = await f.org();
      expect((await change(f, o.uuid, 'disable')).json.inventory.state).toBe('Enabled');
    });
    await withFaults(['repeat-state-flips'], async (f) => {
      const o = await f.org();
      expect((await change(f, o.uuid, 'enable')).json.inventory.state).toBe('Disabled');
    });
    await withFaults(['state-event-renames'], async (f) => {
      const o = await f.org();
      expect((await change(f, o.uuid, 'disable')).json.inventory.name).not.toBe(o.name);
    });
    await withFaults(['invalid-state-event-accepted'], async (f) => {
      const o = await f.org();
      const r = await change(f, o.uuid, 'explode');
      expect(r.status).toBe(200);
      expect(r.json.inventory.state).toBe('Enabled');
    });
    await withFaults(['invalid-state-event-half-applied'], async (f) => {
      const o = await f.org();
      expect((await change(f, o.uuid, 'explode')).json.error.code).toBe('SYS.1007');
      expect((await f.query(`${ORGS}/${o.uuid}`)).json.inventories[0].state).toBe('Disabled');
    });
    await withFaults(['createdate-rewritten', 'lastopdate-goes-back'], async (f) => {
      const o = await f.org();
      const after = (await change(f, o.uuid, 'disable')).json.inventory;
      expect(after.lastOpDate).not.toBe(o.lastOpDate);
    });
  });

  test('update and query faults', async () => {
    const upd = (f: Client, uuid: string, p: Record<string, unknown>) =>
      f.call('PUT', `${COLLS}/${uuid}/actions`, { updateIAM2TicketFlowCollection: p });
    await withFaults(['update-clears-unsent'], async (f) => {
      const { coll } = await f.collection({ description: 'd' });
      expect((await upd(f, coll.uuid, { name: 'n' })).json.inventory).not.toHaveProperty('description');
    });
    await withFaults(['update-ignores-name'], async (f) => {
      const { coll } = await f.collection();
      const r = await upd(f, coll.uuid, { name: 'n' });
      expect(r.status).toBe(200);
      expect(r.json.inventory.name).toBe(coll.name);
    });
    await withFaults(['rejected-update-applies'], async (f) => {
      const { coll } = await f.collection();
      expect((await upd(f, coll.uuid, { name: 'n', description: 'd'.repeat(3000) })).json.error.code).toBe('SYS.1007');
      expect((await f.query(`${COLLS}/${coll.uuid}`)).json.inventories[0].name).toBe('n');
    });
    await withFaults(['query-stale'], async (f) => {
      const { coll } = await f.collection();
      await upd(f, coll.uuid, { name: 'n' });
      expect((await f.query(`${COLLS}/${coll.uuid}`)).json.inventories[0].name).toBe(coll.name);
    });
  });

  test('lifecycle faults', async () => {
    await withFaults(['deleted-still-answers'], async (f) => {
      const o = await f.org();
      await f.ok('DELETE', `${ORGS}/${o.uuid}`);
      expect((await f.query(`${ORGS}/${o.uuid}`)).json.inventories).toHaveLength(1);
    });
    await withFaults(['second-delete-fails'], async (f) => {
      const o = await f.org();
      await f.ok('DELETE', `${ORGS}/${o.uuid}`);
      expect((await f.call('DELETE', `${ORGS}/${o.uuid}`)).json.error.code).toBe('SYS.1003');
    });
  });

  test('protocol faults', async () => {
    await withFaults(['job-location-off-path'], async (f) => {
      const r = await f.raw('POST', ORGS, { params: { name: 'x', type: 'Company' } });
      expect(r.json.location).not.toContain('/zstack/v1/api-jobs/');
      expect((await f.raw('GET', r.json.location)).status).toBe(200);
    });
    await withFaults(['no-schema-map'], async (f) => expect((await f.query(ORGS)).json).not.toHaveProperty('schema'));
    await withFaults(['schema-map-child-first'], async (f) => {
      await f.org({ attributes: [{ name: 'a' }] });
      expect(Object.keys((await f.query(ORGS)).json.schema)[0]).toBe('inventories[0].attributes[0]');
    });
    await withFaults(['miscased-key-accepted'], async (f) => {
      const o = await f.org();
      expect(
        (await f.call('PUT', `${ORGS}/${o.uuid}/actions`, { changeiam2organizationstate: { stateEvent: 'disable' } }))
          .status,
      ).toBe(200);
    });
    await withFaults(['boolean-not-verified'], async (f) => {
      const { coll } = await f.collection({ isDefault: 'maybe' });
      expect(coll.isDefault).toBe(false);
    });
    await withFaults(['wrong-type-applied'], async (f) => {
      expect((await f.org({ name: { a: 1 } })).name).toBe('{"a":1}');
    });
  });
});
