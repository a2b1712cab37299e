// Both directions of the query properties: each fault mode a property targets makes it fail through the check
// named for it (with a replayable report), and the clean server and every conformant variant pass them all.
import { expect, test } from '@playwright/test';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';
import { VARIANTS, type FaultName, type Variant } from '../../reference-server/faults.ts';
import { checkProperty, type PropertyOutcome, type PropertySpec } from '../../src/properties/index.ts';
import { QUERY_PROPERTIES } from '../../src/properties/query/index.ts';
import { propertiesRunBy, propertyTrips } from '../../fixtures/fault-proofs.ts';
import { failedChecks } from '../properties/harness.ts';

test.describe.configure({ mode: 'parallel' });

const SEED = 1515;

function run(
  spec: PropertySpec<never>,
  opts: { faults?: FaultName[]; variant?: Partial<Variant> },
  numRuns: number,
): Promise<PropertyOutcome & { secret: string }> {
  return withReferenceTarget(opts, { ZSTACK_RUN_ID: 'self' }, async (suite) => ({
    ...(await checkProperty(spec, suite, { numRuns, seed: SEED })),
    secret: suite.zs.session ?? '',
  }));
}

test('this file runs the trips of exactly the properties fixtures/fault-proofs.ts gives it', () => {
  expect(QUERY_PROPERTIES.map((p) => p.name).sort()).toEqual(
    propertiesRunBy('tests/self/protocol-properties.spec.ts').sort(),
  );
});

for (const spec of QUERY_PROPERTIES) {
  for (const { fault, check } of propertyTrips(spec.name)) {
    test(`${spec.name} catches ${fault} through ${check}`, async () => {
      const outcome = await run(spec, { faults: [fault] }, 60);
      expect(outcome.failed, `${spec.name} passed on ${fault}`).toBe(true);
      expect(outcome.error, outcome.report).toBe(false);
      expect(failedChecks(outcome.report)).toContain(check);
      // replayable: seed, path and the requests as curl lines, the session never shown
      expect(outcome.report).toContain(`ZSTACK_SEED=${outcome.seed} ZSTACK_REPLAY_PATH=`);
      expect(outcome.report).toContain('--project=protocol');
      expect(outcome.curl.length).toBeGreaterThan(0);
      expect(outcome.report).not.toContain(outcome.secret);
      expect(outcome.leftovers).toEqual([]);
    });
  }
}

for (const [name, variant] of [
  ['clean server', {}] as const,
  ...Object.entries(VARIANTS).map(([n, v]) => [`variant ${n}`, v] as const),
]) {
  test(`the query properties pass on the ${name}`, async () => {
    // one server, the properties side by side (each has its own run-tagged fixture)
    const outcomes = await withReferenceTarget({ variant }, { ZSTACK_RUN_ID: 'self' }, (suite) =>
      Promise.all(QUERY_PROPERTIES.map((spec) => checkProperty(spec, suite, { numRuns: 4, seed: SEED }))),
    );
    for (const outcome of outcomes) {
      expect(outcome.failed, outcome.report).toBe(false);
      expect(outcome.leftovers).toEqual([]);
    }
  });
}
