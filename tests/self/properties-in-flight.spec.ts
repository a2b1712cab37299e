// Independent property cases run several at a time (ZSTACK_CASES_IN_FLIGHT) with exactly a sequential run's
// results: same seed, one case at a time vs several, same verdict, case count, path and shrunk counterexample
// on a fault mode; and a property its time guard stops is incomplete, an error that says how far it got.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { lifecycleMatchesModel } from '../../src/properties/model/lifecycle.ts';
import { invalidInputsRejected, validInputsApplied } from '../../src/properties/inputs.ts';
import type { PropertyOutcome, PropertySpec } from '../../src/properties/index.ts';
import { generatedCases } from '../../src/properties/runner.ts';
import { runCasesInFlight } from '../../src/properties/cases-in-flight.ts';
import { failedChecks, runOnReferenceServer } from '../properties/harness.ts';

test.describe.configure({ mode: 'parallel' });
const SEED = 20240611;
const lifecycle = lifecycleMatchesModel as unknown as PropertySpec<never>;
const valid = validInputsApplied as unknown as PropertySpec<never>;
const invalid = invalidInputsRejected as unknown as PropertySpec<never>;

/** What a reader of the verdict sees, without the run's own names and uuids. */
const verdict = (o: PropertyOutcome) => ({
  failed: o.failed,
  error: o.error,
  incomplete: o.incomplete,
  numRuns: o.numRuns,
  numShrinks: o.numShrinks,
  seed: o.seed,
  path: o.path,
  replay: o.replay,
  counterexample: o.counterexample,
  checks: failedChecks(o.report),
  steps: o.steps.map((s) => s.replace(/[0-9a-f]{32}|zc-[\w-]+/g, '…')),
});

test('the cases are the ones a sequential fast-check run meets, in order', async () => {
  const arb = fc.record({ a: fc.string(), b: fc.array(fc.nat(), { maxLength: 5 }) });
  const seen: unknown[] = [];
  await fc.check(
    fc.asyncProperty(arb, async (v) => {
      seen.push(v);
    }),
    { seed: SEED, numRuns: 40 },
  );
  expect(generatedCases(arb, SEED, 40)).toEqual(seen);
});

test('cases start in order, at most N at once, and none starts after a failure is known', async () => {
  let inFlight = 0;
  let most = 0;
  const started: number[] = [];
  let startedWhenFailed: number | undefined;
  const run = await runCasesInFlight(50, 3, Date.now() + 60_000, async (i) => {
    started.push(i);
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, (i * 7) % 11)); // cases of uneven length finish out of order
    inFlight--;
    const ok = i !== 9 && i !== 12;
    if (!ok) startedWhenFailed ??= started.length;
    return ok ? { ok: true } : { ok: false, error: new Error(`case ${i}`) };
  });
  expect(most).toBe(3);
  expect(started).toEqual([...started].sort((a, b) => a - b));
  expect(run.firstFailure).toBe(9);
  expect(run.results.slice(0, 9).every((r) => r.ok)).toBe(true);
  expect(started.length).toBe(startedWhenFailed);
  expect(run.results.length).toBe(started.length);
  expect(run.guardReached).toBe(false);
});

for (const [spec, fault, numRuns] of [
  [lifecycle, 'repeat-state-flips', 60],
  [valid, 'update-ignores-name', 100],
  [invalid, 'rejected-update-applies', 150],
] as const) {
  test(`${spec.name}: one case at a time and 4 at once give the same verdict and counterexample (${fault})`, async () => {
    const one = await runOnReferenceServer(spec, [fault], { seed: SEED, numRuns, casesInFlight: 1 });
    const four = await runOnReferenceServer(spec, [fault], { seed: SEED, numRuns, casesInFlight: 4 });
    expect(one.failed, one.report).toBe(true);
    expect(one.error, one.report).toBe(false);
    expect(verdict(four)).toEqual(verdict(one));
    expect(four.casesInFlight).toBe(4);
  });
}

test('on a conformant server both pass the same full case count', async () => {
  const [one, four] = await Promise.all([
    runOnReferenceServer(invalid, [], { seed: SEED, numRuns: 40, casesInFlight: 1 }),
    runOnReferenceServer(invalid, [], { seed: SEED, numRuns: 40, casesInFlight: 4 }),
  ]);
  expect(verdict(four)).toEqual(verdict(one));
  expect(four.failed, four.report).toBe(false);
  expect(four.numRuns).toBe(40);
  expect(four.advisories).toEqual(one.advisories);
  expect([...one.leftovers, ...four.leftovers]).toEqual([]);
});

test('a property its time guard stops is incomplete: an error that says how many cases ran, never a pass', async () => {
  const out = await runOnReferenceServer(invalid, [], { seed: SEED, numRuns: 3000, timeGuardMs: 3000 });
  expect(out.incomplete).toBe(true);
  expect(out.failed).toBe(true);
  expect(out.error).toBe(true);
  expect(out.numRuns).toBeLessThan(3000);
  expect(out.plannedRuns).toBe(3000);
  expect(out.report).toContain(`incomplete: ${out.numRuns} of 3000 cases`);
  expect(out.leftovers).toEqual([]);
});
