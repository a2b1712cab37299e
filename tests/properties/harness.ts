// For the self-tests of the properties: runs one property against an in-process reference server with the
// given fault modes, with a fixed seed and a small budget, and returns its outcome.
import { checkProperty, type PropertyOutcome, type PropertySpec, type RunOptions } from '../../src/properties/index.ts';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';
import type { FaultName } from '../../reference-server/faults.ts';

export async function runOnReferenceServer(
  spec: PropertySpec<never>,
  faults: string[],
  opts: RunOptions,
): Promise<PropertyOutcome> {
  // readConfig({}) ignores the caller's environment: quick depth, no seed, runs or replay path but those in opts
  return withReferenceTarget({ faults: faults as FaultName[] }, {}, (suite) => checkProperty(spec, suite, opts));
}

/** The names of the checks that failed, as the report lists them (`✗ <check> [required]`). */
export const failedChecks = (report: string): string[] => [
  ...new Set([...report.matchAll(/✗ (\w+) \[required\]/g)].map((m) => m[1])),
];

/** The shrunk command sequence without fast-check's replay comment. */
export const commandList = (counterexample: string | undefined): string[] =>
  (counterexample ?? '')
    .replace(/\s*\/\*replayPath=.*\*\/\s*$/, '')
    .split(/,(?=[A-Z][A-Za-z0-9]+\()/)
    .filter(Boolean);
