// The diff (src/diff) on real exchanges of the embedded server, in both directions: every fault mode, set against
// the clean server on the exhibit that shows it (fixtures/diff-runs.ts), gives at least one change naming an API;
// every conformant variant and the clean server itself give no change on every hand-written and protocol scenario
// and a sweep (informational differences allowed).
import { expect, test } from '@playwright/test';
import { FAULT_TRIPS, FAULTS, VARIANTS, type FaultName } from '../../reference-server/faults.ts';
import { checkNamed } from '../../src/checks/index.ts';
import { compareRecordings } from '../../src/diff/compare.ts';
import type { Difference } from '../../src/diff/difference.ts';
import type { RecordedTest } from '../../src/recording/recording.ts';
import { SCENARIOS } from '../../src/scenarios/index.ts';
import { PROTOCOL_SCENARIOS } from '../../src/scenarios/protocol/index.ts';
import { flowCollectionRejectionsScenario } from '../../src/scenarios/flow-collection-rejections.ts';
import { exhibitName, exhibitOf, recordExhibit, type Exhibit, type Side } from '../../fixtures/diff-runs.ts';

test.describe.configure({ mode: 'parallel' });

/** Faults that make the suite wait for a bound: tighter bounds (as tests/self/fault-modes.spec.ts sets them). */
const BOUNDS: Partial<Record<FaultName, Record<string, string>>> = {
  'job-never-ends': { ZSTACK_JOB_TIMEOUT_MS: '600', ZSTACK_POLL_INTERVAL_MS: '100' },
  'web-hook-not-sent': { ZSTACK_JOB_TIMEOUT_MS: '600' },
};

const cleanRuns = new Map<string, Promise<RecordedTest>>();
/** The clean server's recording of an exhibit, made once per worker. */
function clean(exhibit: Exhibit, env: Record<string, string> = {}): Promise<RecordedTest> {
  const key = `${exhibitName(exhibit)}\u0000${JSON.stringify(env)}`;
  let run = cleanRuns.get(key);
  if (!run) cleanRuns.set(key, (run = recordExhibit(exhibit, {}, 'cleanside', env)));
  return run;
}

const lines = (ds: Difference[]): string =>
  ds.map((d) => `${d.class} ${d.kind} ${d.api} step ${d.step ?? '-'} ${d.path}: ${d.a} → ${d.b}`).join('\n');

/** A fault whose every trip is an advisory check is an interop hazard, not a failure: the diff notes it, no more. */
const advisoryOnly = (fault: FaultName): boolean =>
  FAULT_TRIPS.filter((t) => t.fault === fault).every((t) => checkNamed(t.check).severity === 'advisory');

for (const fault of Object.keys(FAULTS) as FaultName[]) {
  const expected = advisoryOnly(fault) ? 'informational' : 'change';
  test(`fault ${fault}: the diff against the clean server names a difference (${expected})`, async () => {
    const exhibit = exhibitOf(fault);
    const side: Side = { faults: [fault] };
    const [a, b] = await Promise.all([
      clean(exhibit, BOUNDS[fault]),
      recordExhibit(exhibit, side, 'faultside', BOUNDS[fault]),
    ]);
    const all = compareRecordings([a], [b]);
    const found = all.filter((d) => d.class === expected);
    expect(found.length, `no ${expected} on ${exhibitName(exhibit)}`).toBeGreaterThan(0);
    expect(
      found.filter((d) => d.api === ''),
      lines(found),
    ).toEqual([]);
    // how the diff saw it: in the exchanges themselves, or only in a check's verdict (docs/differential.md)
    const seen = all.some((d) => d.kind !== 'verdict' && d.kind !== 'advisory') ? 'the exchanges' : 'a verdict only';
    test.info().annotations.push({ type: 'diff-saw', description: seen });
  });
}

const EXHIBITS: Exhibit[] = [
  ...[...SCENARIOS, ...PROTOCOL_SCENARIOS].map((scenario) => ({ kind: 'scenario' as const, scenario })),
  { kind: 'sweep', api: 'QueryVmInstance' },
  { kind: 'sweep', api: 'QueryIAM2Organization' },
];

test('the clean server against itself: no change on any scenario or sweep', async () => {
  for (const exhibit of EXHIBITS) {
    const [a, b] = await Promise.all([clean(exhibit), recordExhibit(exhibit, {}, 'againside')]);
    const changes = compareRecordings([a], [b]).filter((d) => d.class === 'change');
    expect(changes, `${exhibitName(exhibit)}\n${lines(changes)}`).toEqual([]);
  }
});

/**
 * Variants whose difference the diff must report although both ways pass every check: wrong-shape-400 answers a
 * wrongly-shaped parameter with 400 where ZStack's Gson answers 500; a status code is a change by definition.
 */
const STATUS_VARIANTS = new Set(['wrong-shape-400']);

test('the wrong-shape-400 variant is a status change the diff names, and nothing else', async () => {
  const exhibit: Exhibit = { kind: 'scenario', scenario: flowCollectionRejectionsScenario };
  const [a, b] = await Promise.all([
    clean(exhibit),
    recordExhibit(exhibit, { variant: VARIANTS['wrong-shape-400'] }, 'variantside'),
  ]);
  const changes = compareRecordings([a], [b]).filter((d) => d.class === 'change');
  expect(changes.length).toBeGreaterThan(0);
  expect(
    changes.filter((d) => !(d.kind === 'status' && d.a === '500' && d.b === '400')),
    lines(changes),
  ).toEqual([]);
});

for (const [name, variant] of Object.entries(VARIANTS).filter(([n]) => !STATUS_VARIANTS.has(n))) {
  test(`conformant variant ${name}: no change on any scenario or sweep`, async () => {
    for (const exhibit of EXHIBITS) {
      const [a, b] = await Promise.all([clean(exhibit), recordExhibit(exhibit, { variant }, 'variantside')]);
      const changes = compareRecordings([a], [b]).filter((d) => d.class === 'change');
      expect(changes, `${exhibitName(exhibit)}\n${lines(changes)}`).toEqual([]);
    }
  });
}
