// For the self-tests of the properties: runs one property against an in-process reference server with the
// given fault modes, with a fixed seed and a small budget, and returns its outcome.
import { readConfig } from '../../src/config.ts';
import { checkProperty, type PropertyOutcome, type PropertySpec, type RunOptions } from '../../src/properties/index.ts';
import { openSuite } from '../../src/suite.ts';
import type { FaultName } from '../../reference-server/faults.ts';
import { startReferenceServer } from '../../reference-server/server.ts';

export async function runOnReferenceServer(spec: PropertySpec<never>, faults: string[], opts: RunOptions): Promise<PropertyOutcome> {
  const server = await startReferenceServer({ faults: faults as FaultName[] });
  try {
    const suite = await openSuite({ ...readConfig({}), baseUrl: server.url, depth: 'quick', numRuns: undefined, seed: undefined, replayPath: undefined });
    try {
      return await checkProperty(spec, suite, opts);
    } finally {
      await suite.close();
    }
  } finally {
    await server.close();
  }
}

/** The names of the checks that failed, as the report lists them (`✗ <check> [required]`). */
export const failedChecks = (report: string): string[] => [...new Set([...report.matchAll(/✗ (\w+) \[required\]/g)].map((m) => m[1]))];

/** The shrunk command sequence without fast-check's replay comment. */
export const commandList = (counterexample: string | undefined): string[] =>
  (counterexample ?? '').replace(/\s*\/\*replayPath=.*\*\/\s*$/, '').split(/,(?=[A-Z][A-Za-z0-9]+\()/).filter(Boolean);
