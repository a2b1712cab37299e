// The diff (src/diff) on real exchanges of the embedded server, in both directions: every fault mode, set against
// the clean server on the exhibit that shows it (fixtures/diff-runs.ts), gives at least one change naming an API;
// every conformant variant and the clean server itself give no change on every hand-written and protocol scenario
// and a sweep (informational differences allowed).
import { expect, test } from '@playwright/test';
import { FAULTS, VARIANTS, type FaultName } from '../../reference-server/faults.ts';
import { compareRecordings } from '../../src/diff/compare.ts';
import type { Difference } from '../../src/diff/difference.ts';
import type { RecordedTest } from '../../src/recording/recording.ts';
import { SCENARIOS } from '../../src/scenarios/index.ts';
import { PROTOCOL_SCENARIOS } from '../../src/scenarios/protocol/index.ts';
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

for (const fault of Object.keys(FAULTS) as FaultName[]) {
  test(`fault ${fault}: the diff against the clean server names a change`, async () => {
    const exhibit = exhibitOf(fault);
    const side: Side = { faults: [fault] };
    const [a, b] = await Promise.all([
      clean(exhibit, BOUNDS[fault]),
      recordExhibit(exhibit, side, 'faultside', BOUNDS[fault]),
    ]);
    const changes = compareRecordings([a], [b]).filter((d) => d.class === 'change');
    expect(changes.length, `no change on ${exhibitName(exhibit)}`).toBeGreaterThan(0);
    expect(
      changes.filter((d) => d.api === ''),
      lines(changes),
    ).toEqual([]);
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

for (const [name, variant] of Object.entries(VARIANTS)) {
  test(`conformant variant ${name}: no change on any scenario or sweep`, async () => {
    for (const exhibit of EXHIBITS) {
      const [a, b] = await Promise.all([clean(exhibit), recordExhibit(exhibit, { variant }, 'variantside')]);
      const changes = compareRecordings([a], [b]).filter((d) => d.class === 'change');
      expect(changes, `${exhibitName(exhibit)}\n${lines(changes)}`).toEqual([]);
    }
  });
}
