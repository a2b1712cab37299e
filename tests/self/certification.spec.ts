// Self-tests of the certification's parts without a run: the verdict ladder and how a test's outcome becomes a
// verdict (an error is never a failure), advisories counted once per check and API, the baseline (expected,
// passing again, expired), the version filter (APIs, parameters, pacts, fields), the profile derivation, and the
// bundle's integrity check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { TEST_RUN_META } from '../../fixtures/run-meta.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadContracts, type ApiDescriptor } from '../../contracts/index.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { apiAvailable, contractsForVersion } from '../../src/contract-model/versions.ts';
import { SchemaRegistry } from '../../src/contract-model/schemas.ts';
import { buildInteractions } from '../../src/pact/interactions.ts';
import { resourceProfiles } from '../../src/properties/targets.ts';
import { PACT_VERIFY_TEST } from '../../src/pact/names.ts';
import { parseBaseline, BaselineError } from '../../src/certification/baseline.ts';
import { judge, type TestEntry } from '../../src/certification/judge.ts';
import { applicable, assertCovers, loadProfile } from '../../src/certification/profile.ts';
import { deriveProfile, profileProblems } from '../../src/certification/profile-derive.ts';
import type { RuleTally, TestRecord } from '../../src/reporting/test-record.ts';
import { allScenarios } from '../../src/scenarios/all.ts';
import { seal, verifyBundle } from '../../src/certification/bundle.ts';
import { renderText } from '../../src/certification/render-text.ts';
import { worstOf } from '../../src/certification/verdict.ts';

const profile = loadProfile();
const meta = TEST_RUN_META;
const ORG = 'moves an organization';
const orgTitle = profile.tests.find((t) => t.title.includes(ORG))?.title as string;
const loginTitle = profile.tests.find((t) => t.kind === 'scenario' && t.apis[0] === 'LogInByAccount')?.title as string;
const flowTitle = profile.tests.find((t) => t.kind === 'scenario' && t.since === '3.0.0')?.title as string;

const tally = (
  check: string,
  api: string,
  passed: number,
  failed: number,
  severity: 'required' | 'advisory' = 'required',
): RuleTally => ({
  check,
  api,
  severity,
  passed,
  failed,
  notApplicable: 0,
  findings: failed ? [{ title: `${check} broke`, received: 'x', expected: 'y', source: 's', count: failed }] : [],
});
const record = (rules: RuleTally[], error?: TestRecord['error']): TestRecord => ({
  kind: 'scenario',
  rules,
  transitions: [],
  failures: [],
  ...(error ? { error } : {}),
});
const entry = (
  title: string,
  status: TestEntry['status'],
  rec?: TestRecord,
  extra: Partial<TestEntry> = {},
): TestEntry => ({ title, project: 'conformance', status, annotations: [], ...(rec ? { record: rec } : {}), ...extra });

test('the ladder: not applicable < skipped < passed < failed < error', () => {
  expect(worstOf(['passed', 'skipped', 'not-applicable'])).toBe('passed');
  expect(worstOf(['passed', 'failed'])).toBe('failed');
  expect(worstOf(['failed', 'error', 'passed'])).toBe('error');
  expect(worstOf([])).toBe('not-applicable');
});

test('a passing run passes; a required violation fails it naming the rule and the API', () => {
  const ok = judge(
    [entry(orgTitle, 'passed', record([tally('stateEventApplied', 'ChangeIAM2OrganizationState', 4, 0)]))],
    profile,
    meta,
  );
  expect(ok.verdict).toBe('passed');
  expect(ok.exitCode).toBe(0);
  const bad = judge(
    [entry(orgTitle, 'failed', record([tally('stateEventApplied', 'ChangeIAM2OrganizationState', 3, 1)]))],
    profile,
    meta,
  );
  expect(bad.verdict).toBe('failed');
  expect(bad.exitCode).toBe(1);
  expect(bad.cells.find((c) => c.verdict === 'failed')).toMatchObject({
    check: 'stateEventApplied',
    api: 'ChangeIAM2OrganizationState',
  });
  expect(renderText(bad)).toContain('stateEventApplied on ChangeIAM2OrganizationState');
});

test('a refused fixture, an unreachable endpoint, a suite bug or a stopped property is an error, never a failure', () => {
  const setup = judge(
    [
      entry(
        flowTitle,
        'failed',
        record([], { kind: 'setup', message: 'SetupError: setup: AddIAM2VirtualIDsToProject was refused (HTTP 503)' }),
      ),
    ],
    profile,
    meta,
  );
  expect(setup.verdict).toBe('error');
  expect(setup.exitCode).toBe(2);
  expect(setup.cells.filter((c) => c.verdict === 'failed')).toEqual([]);
  expect(setup.errors[0]).toMatchObject({ kind: 'setup' });
  const unreachable = judge(
    [
      entry('the target is reachable and the account can log in', 'failed', undefined, {
        project: 'target',
        error: 'connection refused',
      }),
      entry(orgTitle, 'skipped'),
    ],
    profile,
    meta,
  );
  expect(unreachable.verdict).toBe('error');
  // a scenario that threw with no record (e.g. a fixture of the kit) is the run's fault too
  expect(
    judge([entry(orgTitle, 'failed', undefined, { error: 'TypeError: x is undefined' })], profile, meta).verdict,
  ).toBe('error');
  // a property stopped by its time guard (annotation `incomplete`) is an error, whatever its status
  expect(
    judge(
      [
        entry(orgTitle, 'passed', record([tally('stateEventApplied', 'ChangeIAM2OrganizationState', 1, 0)]), {
          annotations: [{ type: 'incomplete', description: 'time guard' }],
        }),
      ],
      profile,
      meta,
    ).verdict,
  ).toBe('error');
  // an error outranks a real failure found elsewhere in the same run, which is still shown as failed
  const both = judge(
    [
      entry(flowTitle, 'failed', record([], { kind: 'transport', message: 'TransportError: connection reset' })),
      entry(orgTitle, 'failed', record([tally('stateEventApplied', 'ChangeIAM2OrganizationState', 0, 1)])),
    ],
    profile,
    meta,
  );
  expect(both.verdict).toBe('error');
  expect(both.cells.find((c) => c.check === 'stateEventApplied')?.verdict).toBe('failed');
});

test('the pact verification judges the server unless a provider state failed (then it is an error)', () => {
  expect(judge([entry(PACT_VERIFY_TEST, 'failed', undefined, { project: 'pact' })], profile, meta).verdict).toBe(
    'failed',
  );
  expect(
    judge([entry(PACT_VERIFY_TEST, 'failed', undefined, { project: 'pact', stateProblem: true })], profile, meta)
      .verdict,
  ).toBe('error');
});

test('advisory findings are counted once per check and API with their occurrences, and never fail the verdict', () => {
  const c = judge(
    [
      entry(
        orgTitle,
        'passed',
        record([
          tally('timestampsParseableBySdk', 'QueryIAM2Organization', 0, 3, 'advisory'),
          tally('stateEventApplied', 'ChangeIAM2OrganizationState', 2, 0),
        ]),
      ),
      entry(
        loginTitle,
        'passed',
        record([tally('timestampsParseableBySdk', 'QueryIAM2Organization', 1, 4, 'advisory')]),
      ),
    ],
    profile,
    meta,
  );
  expect(c.verdict).toBe('passed');
  expect(c.advisories).toEqual([
    expect.objectContaining({ check: 'timestampsParseableBySdk', api: 'QueryIAM2Organization', occurrences: 7 }),
  ]);
});

test('a target declaring an older version: newer tests are not applicable, not failed', () => {
  const old = { ...meta, declaredVersion: '2.4.0' };
  const c = judge(
    [
      entry(flowTitle, 'skipped', undefined, { annotations: [{ type: 'skip', description: 'needs ZStack 3.0.0' }] }),
      entry(orgTitle, 'passed', record([tally('stateEventApplied', 'ChangeIAM2OrganizationState', 1, 0)])),
    ],
    profile,
    old,
  );
  expect(c.tests.find((t) => t.title === flowTitle)?.verdict).toBe('not-applicable');
  expect(c.verdict).toBe('passed');
  expect(c.coverage.apis.listed).not.toContain('UpdateIAM2TicketFlowCollection');
  expect(applicable(profile, '2.4.0').transitions.every((t) => !t.startsWith('ChangeTicketFlowCollectionState'))).toBe(
    true,
  );
  expect(() => assertCovers(profile, '6.0.0')).toThrow(/covers ZStack 0.6.0 up to/);
});

test('the version filter reaches the suite, the schemas and the pacts: no 3.0 API and no 3.5 field is demanded of a 3.0 or 2.4 target', () => {
  const contracts = loadValidatedContracts();
  const at24 = contractsForVersion(contracts, '2.4.0');
  expect(at24.apis.has('UpdateIAM2TicketFlowCollection')).toBe(false);
  expect(at24.apis.has('ChangeIAM2OrganizationState')).toBe(true);
  // the properties walk only resources whose APIs all exist at the declared version: of all resources the
  // properties walk, those with a create, query and delete and a state event or update from 2.4.0 or before
  const at = (a: ApiDescriptor | undefined): boolean => a !== undefined && apiAvailable(a, '2.4.0');
  const walkedAt24 = resourceProfiles(contracts)
    .filter((p) => [p.create, p.query, p.delete].every(at) && (at(p.stateEvent) || at(p.update)))
    .map((p) => p.resource);
  expect(walkedAt24).toContain('IAM2Organization');
  expect(walkedAt24).not.toContain('TicketFlowCollection');
  expect(resourceProfiles(at24).map((p) => p.resource)).toEqual(walkedAt24);
  for (const p of resourceProfiles(at24))
    for (const a of [p.create, p.query, p.delete, p.stateEvent, p.update])
      if (a) expect(apiAvailable(a, '2.4.0'), a.name).toBe(true);
  expect(resourceProfiles(contractsForVersion(contracts, '0.6.0'))).toEqual([]);
  const apis24 = new Set(buildInteractions(contracts, '2.4.0').map((s) => s.api));
  expect(apis24.has('UpdateIAM2TicketFlowCollection')).toBe(false);
  expect(apis24.has('ChangeIAM2OrganizationState')).toBe(true);
  // rootOrganizationUuid exists since 3.5.0 (x-required-since): missing is fine at 3.0, a violation at 3.5
  const inv = {
    uuid: 'a'.repeat(32),
    name: 'n',
    state: 'Enabled',
    type: 'Company',
    createDate: 'Jan 6, 2017 3:51:16 AM',
    lastOpDate: 'Jan 6, 2017 3:51:16 AM',
  };
  const missing = (v: string) =>
    new SchemaRegistry(contracts, v)
      .validate('IAM2OrganizationInventory', inv)
      .filter((p) => p.missingProperty === 'rootOrganizationUuid');
  expect(missing('3.0.0')).toEqual([]);
  expect(missing('3.5.0')).toHaveLength(1);
  expect(profile.apis.find((a) => a.name === 'ChangeIAM2OrganizationState')?.fields['rootOrganizationUuid']).toBe(
    '3.5.0',
  );
});

test('the profile file is exactly what the contracts, checks, scenarios, properties and pacts give (levels kept)', () => {
  const derived = deriveProfile(loadContracts(), profile, allScenarios(loadContracts()));
  expect(profileProblems(profile, derived)).toEqual([]);
  // a hand-set level is policy and survives the derivation; a stale since does not pass
  const edited = structuredClone(profile);
  edited.checks[0].level = edited.checks[0].level === 'required' ? 'advisory' : 'required';
  expect(deriveProfile(loadContracts(), edited, allScenarios(loadContracts())).checks[0].level).toBe(
    edited.checks[0].level,
  );
  edited.apis[0].since = '0.1.0';
  expect(profileProblems(edited, deriveProfile(loadContracts(), edited, allScenarios(loadContracts())))).toEqual([
    expect.stringMatching(/differs/),
  ]);
});

test('a baseline turns a known failure into an expected one, reports one that passes now, and stops applying when expired', () => {
  const failing = entry(
    orgTitle,
    'failed',
    record([
      tally('stateEventApplied', 'ChangeIAM2OrganizationState', 0, 2),
      tally('nullErrorOnSuccess', 'ChangeIAM2OrganizationState', 5, 0),
    ]),
  );
  const baseline = parseBaseline(
    JSON.stringify({
      entries: [
        {
          api: 'ChangeIAM2OrganizationState',
          rule: 'stateEventApplied',
          reason: 'vendor bug 42, fixed in 5.1',
          expires: '2027-06-30',
        },
        { api: 'ChangeIAM2OrganizationState', rule: 'nullErrorOnSuccess', reason: 'was broken in 5.0.1' },
      ],
    }),
    'baseline.json',
  );
  const c = judge([failing], profile, meta, baseline);
  expect(c.verdict).toBe('passed');
  expect(c.cells.find((x) => x.check === 'stateEventApplied')).toMatchObject({
    verdict: 'failed',
    expected: { reason: 'vendor bug 42, fixed in 5.1' },
  });
  expect(c.tests.find((t) => t.title === orgTitle)?.expected).toBeTruthy();
  expect(c.baseline?.nowPassing).toEqual([
    expect.stringContaining('nullErrorOnSuccess on ChangeIAM2OrganizationState passes now'),
  ]);
  const later = judge([failing], profile, { ...meta, date: '2027-07-01T00:00:00.000Z' }, baseline);
  expect(later.verdict).toBe('failed');
  expect(later.baseline?.expired).toEqual([expect.stringContaining('expired on 2027-06-30')]);
  // errors are never baselined
  const err = judge(
    [entry(flowTitle, 'failed', record([], { kind: 'setup', message: 'refused' }))],
    profile,
    meta,
    parseBaseline(JSON.stringify([{ test: flowTitle, reason: 'r' }]), 'b'),
  );
  expect(err.verdict).toBe('error');
  expect(() => parseBaseline('[{"api": "X", "rule": "Y"}]', 'b.json')).toThrow(BaselineError);
  expect(() => parseBaseline('[{"api": "X", "rule": "Y", "reason": "r", "expires": "soon"}]', 'b.json')).toThrow(
    /YYYY-MM-DD/,
  );
});

test('a sealed bundle verifies; one edited, added or removed byte does not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-bundle-'));
  try {
    mkdirSync(join(dir, 'pacts'));
    writeFileSync(join(dir, 'certificate.txt'), 'PASSED\n');
    writeFileSync(join(dir, 'pacts', 'p.json'), '{"a": 1}\n');
    seal(dir);
    expect(verifyBundle(dir)).toEqual([]);
    const original = readFileSync(join(dir, 'pacts', 'p.json'));
    const edited = Buffer.from(original);
    edited[2] ^= 1;
    writeFileSync(join(dir, 'pacts', 'p.json'), edited);
    expect(verifyBundle(dir)).toEqual(['pacts/p.json was changed (SHA-256 differs from the manifest)']);
    writeFileSync(join(dir, 'pacts', 'p.json'), original);
    writeFileSync(join(dir, 'extra.txt'), 'x');
    expect(verifyBundle(dir)).toEqual(['extra.txt is not in the manifest (added after sealing)']);
    rmSync(join(dir, 'extra.txt'));
    const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8');
    writeFileSync(join(dir, 'manifest.json'), manifest.replace('\n', ' \n'));
    expect(verifyBundle(dir)).toEqual([expect.stringContaining('manifest.json was changed')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
