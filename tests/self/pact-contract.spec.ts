// Self-test of the generated consumer pact (src/pact): standard Pact v4, one interaction per documented
// request/response, matchers instead of literal uuids and dates, no response Content-Type, and no secret:
// not the password, its hash or a session, also after a verification logged in with them.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer, type ReferenceServer } from '../../reference-server/server.ts';
import { readConfig } from '../../src/config.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { generatePacts } from '../../src/pact/consumer.ts';
import { EXAMPLE_JOB_UUID, PLACEHOLDER_SESSION, UNKNOWN_SESSION } from '../../src/pact/interaction-spec.ts';
import { buildInteractions } from '../../src/pact/interactions.ts';
import { EXAMPLE_UUID } from '../../src/pact/matchers.ts';
import { STATES } from '../../src/pact/states.ts';
import { verifyPacts } from '../../src/pact/verify.ts';

test.describe.configure({ mode: 'serial', timeout: 30_000 });

const PASSWORD = 'pact-self-test-secret-1';
const sha512 = (s: string): string => createHash('sha512').update(s).digest('hex');

interface Rules {
  [category: string]: unknown;
}
interface Interaction {
  type: string;
  description: string;
  providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
  request: {
    method: string;
    path: string;
    headers?: Record<string, string[]>;
    matchingRules?: Rules;
    generators?: Rules;
  };
  response: {
    status: number;
    headers?: Record<string, string[]>;
    body?: { content?: unknown };
    matchingRules?: { body?: Record<string, { matchers: Array<{ match: string; regex?: string; min?: number }> }> };
  };
}
interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  metadata: { pactSpecification: { version: string } };
  interactions: Interaction[];
}

let dir: string;
let file: string;
let pact: PactFile;
let server: ReferenceServer;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zc-pact-'));
  file = await generatePacts(loadValidatedContracts(), dir);
  pact = JSON.parse(readFileSync(file, 'utf8')) as PactFile;
  server = await startReferenceServer({ password: PASSWORD });
});

test.afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const find = (description: string): Interaction => {
  const i = pact.interactions.find((x) => x.description.startsWith(description));
  if (!i) throw new Error(`no interaction "${description}"`);
  return i;
};
const bodyRule = (i: Interaction, path: string) => i.response.matchingRules?.body?.[path]?.matchers[0];

test('the pact is a Pact v4 file with one interaction per documented request/response', () => {
  expect(pact.consumer.name).toBe('zstack-conformance');
  expect(pact.provider.name).toBe('zstack');
  expect(pact.metadata.pactSpecification.version).toBe('4.0');
  expect(pact.interactions).toHaveLength(buildInteractions(loadValidatedContracts(), '5.0.0').length);
  for (const i of pact.interactions) expect(i.type).toBe('Synchronous/HTTP');
  const statuses = pact.interactions.map((i) => i.response.status).sort();
  expect(new Set(statuses)).toEqual(new Set([200, 202, 400, 503]));
});

test('uuids and timestamps are matched by regex, lists by type, async calls by a job location pattern', () => {
  const disabled = find('the finished job of ChangeIAM2OrganizationState disable');
  expect(bodyRule(disabled, '$.inventory.uuid')).toMatchObject({ match: 'regex', regex: '^[0-9a-f]{32}$' });
  const ts = bodyRule(disabled, '$.inventory.createDate');
  expect(ts?.match).toBe('regex');
  for (const spelling of ['Jan 6, 2017 3:51:16 AM', 'Jan 6, 2017, 3:51:16 AM'])
    expect(spelling).toMatch(new RegExp(ts?.regex as string));
  expect('2017-01-06T03:51:16Z').not.toMatch(new RegExp(ts?.regex as string));
  expect(bodyRule(disabled, '$.inventory.type')).toMatchObject({
    match: 'regex',
    regex: '^(Company|Department|Default)$',
  });
  // the one literal: the state the API defines for stateEvent=disable
  expect((disabled.response.body?.content as { inventory: { state: string } }).inventory.state).toBe('Disabled');
  expect(bodyRule(disabled, '$.inventory.state')).toBeUndefined();

  const query = find('QueryIAM2Organization by uuid');
  expect(bodyRule(query, '$.inventories')).toMatchObject({ match: 'type', min: 1 });
  expect(query.request.generators).toMatchObject({
    path: { type: 'ProviderState', expression: '/zstack/v1/iam2/organizations/${uuid}' },
  });

  const call = find('ChangeIAM2OrganizationState disable');
  expect(bodyRule(call, '$.location')?.match).toBe('regex');
  expect(call.response.status).toBe(202);
  expect(call.providerStates).toEqual([
    { name: STATES.resourceInState, params: { resource: 'IAM2Organization', state: 'Enabled' } },
  ]);

  const pause = find('the failed job of ChangeIAM2OrganizationState with stateEvent "not-enable"');
  expect(pause.response.status).toBe(503);
  expect((pause.response.body?.content as { error: { code: string } }).error.code).toBe('SYS.1007');
  expect(bodyRule(pause, '$.error.description')?.match).toBe('type');
  expect(find('the failed job of ChangeIAM2OrganizationState on an unknown').response.body?.content).toMatchObject({
    error: { code: 'SYS.1003' },
  });
  expect(find('QueryIAM2Organization with a session no server issued').response.body?.content).toMatchObject({
    error: { code: 'ID.1001' },
  });

  // plain-text REST-layer errors: only the status is asserted
  const lower = find("UpdateIAM2TicketFlowCollection with the doc page's lower-case");
  expect(lower.response.status).toBe(400);
  expect(lower.response.body).toBeUndefined();
});

test('no response requires a Content-Type (real ZStack often sends none)', () => {
  for (const i of pact.interactions) {
    expect(
      Object.keys(i.response.headers ?? {}).map((h) => h.toLowerCase()),
      i.description,
    ).not.toContain('content-type');
  }
});

test('the pact holds no password, hash or session, also after a verification used them', async () => {
  const config = readConfig({ ZSTACK_BASE_URL: server.url, ZSTACK_PASSWORD: PASSWORD, ZSTACK_RUN_ID: 'pactself' });
  const result = await verifyPacts({ config, pactFiles: [file] });
  expect(result.failures, result.error).toEqual([]);
  expect(result.ok).toBe(true);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(sha512(PASSWORD));
  expect(text.toLowerCase()).not.toContain(sha512(PASSWORD).toLowerCase().slice(0, 32));
  // every 32-hex value in the file is one of the documented examples or placeholders
  const hexes = new Set(text.match(/(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/g) ?? []);
  for (const h of hexes) expect([EXAMPLE_UUID, EXAMPLE_JOB_UUID, PLACEHOLDER_SESSION, UNKNOWN_SESSION]).toContain(h);
  expect(text).toMatch(/OAuth 0{32}/);
});
