// Runs one property with fast-check (fc.check, so the report is ours): number of runs and seed from the
// configuration (ZSTACK_NUM_RUNS, ZSTACK_SEED, ZSTACK_DEPTH), replay of one case from ZSTACK_REPLAY_PATH. The
// generated cases run several at a time up to the first failure (parallel-prefix.ts), that failure runs again
// sequentially and shrinks (sequential-rerun.ts), and property-outcome.ts gives the verdict and the report.
import type { Suite } from '../suite.ts';
import { PropertyEnv } from './core.ts';
import { resourceProfiles } from './targets.ts';
import { decodeReplay } from './replay.ts';
import { CaseRunner } from './case-runner.ts';
import { advisoriesBeforeFailure, runParallelPrefix, type ParallelPrefix } from './parallel-prefix.ts';
import { runSequentially, type SequentialRun } from './sequential-rerun.ts';
import { propertyOutcome } from './property-outcome.ts';
import { runsFor, timeGuardFor, type PropertyOutcome, type PropertySpec, type RunOptions } from './property.ts';

// The fixtures, the bench and the in-flight self-test reach these through the runner.
export { generatedCases } from './parallel-prefix.ts';
export { runsFor, timeGuardFor } from './property.ts';

export async function checkProperty<T>(
  spec: PropertySpec<T>,
  suite: Suite,
  opts: RunOptions = {},
): Promise<PropertyOutcome> {
  const started = Date.now();
  const env = new PropertyEnv(suite);
  const seed = opts.seed ?? suite.config.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const replayText = opts.replayPath ?? suite.config.replayPath;
  const replay = replayText ? { decoded: decodeReplay(replayText), text: replayText } : undefined;
  const numRuns = runsFor(spec as PropertySpec<unknown>, suite, opts);
  const guardMs = timeGuardFor(suite, opts);
  const deadline = started + guardMs;
  // a replay is one case: nothing to overlap
  const inFlight = replay ? 1 : (opts.casesInFlight ?? suite.config.casesInFlight);
  const runner = new CaseRunner<T>(env, (value, rec) => spec.run(value, rec));
  let parallel: ParallelPrefix | undefined;
  let sequential: SequentialRun<T> | undefined;
  try {
    if (spec.usesProjectFixture !== false)
      await env.ensureFixtures(resourceProfiles(suite.contracts).map((p) => p.resource));
    const arb = spec.arbitrary(env, {
      commandsReplayPath: replay?.decoded.commandsReplayPath,
      deep: suite.config.depth === 'deep',
      seed,
    });
    if (!replay) parallel = await runParallelPrefix(arb, { seed, numRuns, inFlight, deadline }, runner);
    if (!parallel || parallel.prefix.firstFailure !== undefined) {
      const plan = { name: spec.name, title: spec.title, seed, numRuns, deadline, replay };
      sequential = await runSequentially(arb, plan, parallel?.prefix, runner);
    }
  } finally {
    runner.leftovers.push(...(await env.close()));
  }
  return propertyOutcome(spec, {
    seed,
    plannedRuns: numRuns,
    guardMs,
    casesInFlight: inFlight,
    durationMs: Date.now() - started,
    tally: env.tally,
    leftovers: runner.leftovers,
    advisories: [...new Set([...advisoriesBeforeFailure(parallel), ...(sequential?.advisories ?? [])])],
    prefix: parallel?.prefix,
    sequential,
    lastFailure: runner.lastFailure,
  });
}
