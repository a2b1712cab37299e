// How the reference server takes a call: async jobs (202 + location, X-Job-UUID), parameter validation through
// the job, JSON types as Gson reads them and Java's trim (docs/zstack-protocol.md#sync-and-async-jobs,
// docs/zstack-protocol.md#wrong-json-types).
import { expect, test } from '@playwright/test';
import { COLLS, hex32, ORGS, serverPerFile } from '../../fixtures/reference-client.ts';

const shared = serverPerFile();
const c = shared.client;

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
