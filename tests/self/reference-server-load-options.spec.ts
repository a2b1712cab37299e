// The reference server's options for measuring speed: a random job delay range (jobs stay pending between
// jobDelayMs and jobDelayMaxMs) and organizations stored at start (made by the ordinary create path, so they
// are queried, paged and counted like any other). Plain fetch against in-process servers.
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { jobDelay } from '../../reference-server/jobs.ts';
import { startReferenceServer, type ReferenceServerOptions } from '../../reference-server/server.ts';

// reply bodies are probed field by field as raw JSON (a typed client would duplicate the schemas the server must not
// import)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;

const ORGS = '/zstack/v1/iam2/organizations';

async function withServer(
  opts: ReferenceServerOptions,
  body: (
    call: (method: string, path: string, json?: unknown) => Promise<{ status: number; json: RawJson }>,
  ) => Promise<void>,
): Promise<void> {
  const s = await startReferenceServer(opts);
  try {
    const call = async (method: string, path: string, json?: unknown, session?: string) => {
      const r = await fetch(path.startsWith('http') ? path : s.url + path, {
        method,
        headers: session ? { Authorization: `OAuth ${session}` } : {},
        ...(json ? { body: JSON.stringify(json) } : {}),
      });
      const text = await r.text();
      return { status: r.status, json: text ? JSON.parse(text) : undefined };
    };
    const login = await call('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName: 'admin', password: createHash('sha512').update('password').digest('hex') },
    });
    const session = login.json.inventory.uuid as string;
    await body((m, p, j) => call(m, p, j, session));
  } finally {
    await s.close();
  }
}

test('jobs stay pending a random time within jobDelayMs..jobDelayMaxMs', async () => {
  const delays = Array.from({ length: 2000 }, () => jobDelay({ jobDelayMs: 300, jobDelayMaxMs: 800 }));
  expect(Math.min(...delays)).toBeGreaterThanOrEqual(300);
  expect(Math.max(...delays)).toBeLessThanOrEqual(800);
  expect(Math.min(...delays)).toBeLessThan(320);
  expect(Math.max(...delays)).toBeGreaterThan(780);
  expect(jobDelay({ jobDelayMs: 15 })).toBe(15);
  // on the wire: a job of 2-3 s is still pending when polled at once
  await withServer({ variant: { jobDelayMs: 2000, jobDelayMaxMs: 3000 } }, async (call) => {
    const accepted = await call('POST', ORGS, { params: { name: 'o', type: 'Company' } });
    expect(accepted.status).toBe(202);
    expect((await call('GET', accepted.json.location)).status).toBe(202);
  });
});

test('seeded organizations are stored, paged and counted like created ones', async () => {
  await withServer({ seedOrganizations: 250 }, async (call) => {
    expect((await call('GET', `${ORGS}?count=true`)).json.total).toBe(250);
    const page = await call('GET', `${ORGS}?start=240&limit=20`);
    expect(page.json.inventories).toHaveLength(10);
    expect(page.json.inventories[0]).toMatchObject({ state: 'Enabled', type: 'Company' });
    const one = await call('GET', `${ORGS}?q=name=seeded-org-7`);
    expect(one.json.inventories.map((o: { name: string }) => o.name)).toEqual(['seeded-org-7']);
  });
});
