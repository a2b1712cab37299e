// Self-test of the model-based property: it passes the conformant reference server, and each fault mode it
// targets makes it fail with a shrunk command sequence naming the check that caught it; a replay with the
// printed seed and ZSTACK_REPLAY_PATH runs exactly that sequence again.
import { expect, test } from '@playwright/test';
import { lifecycleMatchesModel } from '../../src/properties/model/lifecycle.ts';
import type { PropertySpec } from '../../src/properties/index.ts';
import { propertiesRunBy, propertyTrips } from '../../fixtures/fault-proofs.ts';
import { commandList, failedChecks, runOnReferenceServer } from '../properties/harness.ts';

test.describe.configure({ mode: 'parallel' });
const spec = lifecycleMatchesModel as unknown as PropertySpec<never>;
const SEED = 20240611;

test('this file runs the trips of exactly the properties fixtures/fault-proofs.ts gives it', () => {
  expect([spec.name]).toEqual(propertiesRunBy('tests/self/properties-model.spec.ts'));
});

test('lifecycleMatchesModel passes the conformant reference server', async () => {
  const out = await runOnReferenceServer(spec, [], { seed: SEED, numRuns: 20 });
  expect(out.failed, out.report).toBe(false);
  expect(out.leftovers).toEqual([]);
});

for (const { fault, check } of propertyTrips(spec.name)) {
  test(`lifecycleMatchesModel catches fault ${fault} with a shrunk sequence (${check})`, async () => {
    const out = await runOnReferenceServer(spec, [fault], { seed: SEED, numRuns: 100 });
    expect(out.failed, out.report).toBe(true);
    expect(out.error, out.report).toBe(false);
    expect(failedChecks(out.report), out.report).toContain(check);
    // shrunk: a create and at most two more steps show the fault
    expect(commandList(out.counterexample).length, out.counterexample).toBeLessThanOrEqual(3);
    expect(out.report).toContain(`Seed: ${out.seed}`);
    expect(out.report).toMatch(/ZSTACK_REPLAY_PATH='\d+(:\d+)*::\d+:\d+'/);
    expect(out.report).toContain('"Authorization: OAuth $ZSTACK_SESSION"');
  });
}

test('lifecycleMatchesModel replays exactly the printed case from its seed and ZSTACK_REPLAY_PATH', async () => {
  const first = await runOnReferenceServer(spec, ['repeat-state-flips'], { seed: SEED, numRuns: 100 });
  expect(first.failed, first.report).toBe(true);
  const again = await runOnReferenceServer(spec, ['repeat-state-flips'], {
    seed: first.seed,
    replayPath: first.replay,
  });
  expect(again.failed, again.report).toBe(true);
  expect(again.numRuns).toBe(1);
  expect(commandList(again.counterexample)).toEqual(commandList(first.counterexample));
  expect(again.steps.map((s) => s.replace(/[0-9a-f]{32}|zc-[\w-]+/g, '…'))).toEqual(
    first.steps.map((s) => s.replace(/[0-9a-f]{32}|zc-[\w-]+/g, '…')),
  );
});
