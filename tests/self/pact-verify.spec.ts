// Self-test of provider verification (src/pact/verify.ts): the generated pacts verify unchanged on a clean
// reference server and on its conformant variants, and fail on the fault modes they cover, each at the
// interaction that covers it and as a contract failure (the provider states themselves still worked).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FaultName, Variant } from '../../reference-server/faults.ts';
import { startReferenceServer } from '../../reference-server/server.ts';
import { readConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { generatePacts } from '../../src/pact/consumer.ts';
import { verifyPacts, type VerifyResult } from '../../src/pact/verify.ts';

test.describe.configure({ mode: 'serial', timeout: 30_000 });

let dir: string;
let file: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zc-pact-verify-'));
  file = await generatePacts(loadValidatedContracts(), dir);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function verifyOn(
  faults: FaultName[],
  variant: Partial<Variant> = {},
): Promise<VerifyResult & { organizationsLeft: string[] }> {
  const server = await startReferenceServer({ faults, variant });
  try {
    const config = readConfig({
      ZSTACK_BASE_URL: server.url,
      ZSTACK_PASSWORD: 'password',
      ZSTACK_RUN_ID: 'pactverify',
      ZSTACK_JOB_TIMEOUT_MS: '5000',
      ZSTACK_REQUEST_TIMEOUT_MS: '5000',
    });
    const result = await verifyPacts({ config, pactFiles: [file] });
    // what the verification left on the target: every organization it made must be gone again
    const suite = await openSuite(config);
    const list = (await suite.zs.query('QueryIAM2Organization')).final.json as {
      inventories?: Array<{ name?: string }>;
    };
    await suite.close();
    return { ...result, organizationsLeft: (list.inventories ?? []).map((o) => String(o.name)) };
  } finally {
    await server.close();
  }
}

test('the pacts verify unchanged on a clean reference server', async () => {
  const r = await verifyOn([]);
  expect(r.failures).toEqual([]);
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
  // the pact's own create used the run-id name its provider state handed out, and cleanup deleted it
  expect(r.organizationsLeft).toEqual([]);
});

test('the pacts verify unchanged on conformant variants (Java 9 dates, JSON Content-Type, extra fields, other job host)', async () => {
  const r = await verifyOn([], {
    dateFormat: 'java9',
    contentType: 'json',
    extraFields: true,
    explicitNullError: true,
    jobLocationHost: 'zstack-mn.internal:8080',
  });
  expect(r.failures).toEqual([]);
  expect(r.ok).toBe(true);
});

test('the pacts accept the Java 20+ timestamp spelling, which the conformance run reports as advisory only', async () => {
  const r = await verifyOn(['java20-timestamps']);
  expect(r.failures).toEqual([]);
  expect(r.ok).toBe(true);
});

// fault mode -> the interaction that must fail, and a fragment of the mismatch
const COVERED: Array<[FaultName, string, RegExp]> = [
  ['state-not-changed', 'the finished job of ChangeIAM2OrganizationState disable', /\$\.inventory\.state/],
  ['wrong-field-type', 'the finished job of UpdateIAM2TicketFlowCollection', /\$\.inventory\.isDefault/],
  ['errorcode-without-code', 'the failed job of ChangeIAM2OrganizationState with stateEvent "not-enable"', /code/],
  [
    'failure-as-200',
    'the failed job of ChangeIAM2OrganizationState on an unknown IAM2Organization',
    /expected 503 but was 200/,
  ],
  ['iso-timestamps', 'LogInByAccount', /createDate|expiredDate/],
  ['job-location-off-path', 'ChangeIAM2OrganizationState disable on a IAM2Organization', /\$\.location/],
  ['bad-session-accepted', 'QueryIAM2Organization with a session no server issued', /expected 503/],
  ['miscased-key-accepted', "UpdateIAM2TicketFlowCollection with the doc page's lower-case", /expected 400/],
  ['no-schema-map', 'QueryIAM2Organization by uuid', /schema/],
];

for (const [fault, interaction, mismatch] of COVERED) {
  test(`verification fails on the fault mode ${fault}`, async () => {
    const r = await verifyOn([fault]);
    expect(r.ok).toBe(false);
    expect(r.problems, "provider states must still work: the failure is the contract's").toEqual([]);
    const hit = r.failures.find((f) => f.includes(interaction));
    expect(hit, `failures:\n${r.failures.join('\n')}`).toBeDefined();
    expect(hit).toMatch(mismatch);
  });
}
