// Self-test of the negative-data properties: both pass the conformant reference server (and its variant that
// answers wrong shapes 400 instead of Gson's 500 is not needed: 500 is only advisory), and each fault mode they
// target makes the right one fail with a shrunk case naming the check that caught it; a replay with the
// printed seed and ZSTACK_REPLAY_PATH runs exactly that case again.
import { expect, test } from '@playwright/test';
import { invalidInputsRejected, validInputsApplied } from '../../src/properties/inputs.ts';
import type { PropertySpec } from '../../src/properties/index.ts';
import { propertiesRunBy, propertyTrips } from '../../fixtures/fault-proofs.ts';
import { failedChecks, runOnReferenceServer } from '../properties/harness.ts';

test.describe.configure({ mode: 'parallel' });
const valid = validInputsApplied as unknown as PropertySpec<never>;
const invalid = invalidInputsRejected as unknown as PropertySpec<never>;
const SEED = 20240611;

test('this file runs the trips of exactly the properties fixtures/fault-proofs.ts gives it', () => {
  expect([valid.name, invalid.name].sort()).toEqual(propertiesRunBy('tests/self/properties-inputs.spec.ts').sort());
});

test('validInputsApplied and invalidInputsRejected pass the conformant reference server', async () => {
  const [v, i] = await Promise.all([
    runOnReferenceServer(valid, [], { seed: SEED, numRuns: 40 }),
    runOnReferenceServer(invalid, [], { seed: SEED, numRuns: 80 }),
  ]);
  expect(v.failed, v.report).toBe(false);
  expect(i.failed, i.report).toBe(false);
  expect([...v.leftovers, ...i.leftovers]).toEqual([]);
  // real ZStack answers wrong JSON shapes with Gson's 500: reported as advisory, never a failure
  expect(i.advisories.some((a) => a.startsWith('wrongShapeRefusedWith400'))).toBe(true);
});

const CASES: Array<[PropertySpec<never>, string, string]> = [valid, invalid].flatMap((spec) =>
  propertyTrips(spec.name).map(({ fault, check }) => [spec, fault, check] as [PropertySpec<never>, string, string]),
);

for (const [spec, fault, check] of CASES) {
  test(`${spec.name} catches fault ${fault} with a shrunk case (${check})`, async () => {
    const out = await runOnReferenceServer(spec, [fault], { seed: SEED, numRuns: 300 });
    expect(out.failed, out.report).toBe(true);
    expect(out.error, out.report).toBe(false);
    expect(failedChecks(out.report), out.report).toContain(check);
    // shrunk: the call itself (after an optional state setup)
    expect(out.steps.length, out.report).toBeLessThanOrEqual(2);
    expect(out.report).toMatch(/ZSTACK_REPLAY_PATH='\d+(:\d+)*'/);
    expect(out.report).toContain('"Authorization: OAuth $ZSTACK_SESSION"');
  });
}

test('invalidInputsRejected replays exactly the printed case from its seed and ZSTACK_REPLAY_PATH', async () => {
  const first = await runOnReferenceServer(invalid, ['rejected-update-applies'], { seed: SEED, numRuns: 300 });
  expect(first.failed, first.report).toBe(true);
  const again = await runOnReferenceServer(invalid, ['rejected-update-applies'], {
    seed: first.seed,
    replayPath: first.replay,
  });
  expect(again.failed, again.report).toBe(true);
  expect(again.numRuns).toBe(1);
  expect(again.counterexample).toEqual(first.counterexample);
});
