// The reference server's conformant variants each do what they claim (tests/self/fault-modes.spec.ts shows they
// pass every required check), and fault modes stay with the server they were given to.
import { expect, test } from '@playwright/test';
import { startReferenceServer } from '../../reference-server/server.ts';
import { Client, hex32, JAVA9, ORGS, withFaults, withServer, withVariant } from '../../fixtures/reference-client.ts';

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

test('fault modes stay with their server: two servers with different faults run side by side', async () => {
  await withFaults(['bad-session-accepted'], async (f) => {
    await withServer({}, async (clean) => {
      const bad = new Client(f.base);
      bad.session = hex32();
      expect((await bad.query(ORGS)).status).toBe(200);
      const good = new Client(clean.base);
      good.session = hex32();
      expect((await good.query(ORGS)).status).toBe(503);
    });
  });
});
