// Step 2 of a property run, sequential as fast-check runs it (and the whole run when replaying one case): the
// cases that passed in step 1 are not sent again; the first failing one runs again and fast-check shrinks it
// as usual, so verdict, path and counterexample are a sequential run's. A case that failed beside others but
// passes alone makes the run flaky.
import fc from 'fast-check';
import type { CaseRunner } from './case-runner.ts';
import type { CaseResult, PrefixRun } from './cases-in-flight.ts';
import type { Replay } from './replay.ts';

export interface SequentialRun<T> {
  details: fc.RunDetails<[T]>;
  /** why the run is flaky, when it is */
  flaky?: string;
  /** the advisories of the cases this step ran */
  advisories: string[];
}

export interface SequentialPlan {
  name: string;
  title: string;
  seed: number;
  numRuns: number;
  deadline: number;
  /** replaying one case: its decoded ZSTACK_REPLAY_PATH and the text it came from */
  replay?: { decoded: Replay; text: string };
}

export async function runSequentially<T>(
  arb: fc.Arbitrary<T>,
  plan: SequentialPlan,
  prefix: PrefixRun | undefined,
  runner: CaseRunner<T>,
): Promise<SequentialRun<T>> {
  const passed = prefix?.results.map((r) => r.ok) ?? [];
  const firstFailure = prefix?.firstFailure;
  const advisories: string[] = [];
  let flaky: string | undefined;
  let call = 0;
  let sawFailure = false;
  const property = fc.asyncProperty(arb, async (value) => {
    const index = call++;
    if (!sawFailure && passed[index] === true) return;
    try {
      await runner.run(value, advisories);
    } catch (error) {
      sawFailure = true;
      throw error;
    }
    if (index === firstFailure) {
      flaky = `case ${index} failed while other cases ran beside it (${errorLine(prefix?.results[index])}) but passed when run again alone`;
    }
  });
  const { replay } = plan;
  try {
    const details = await fc.check(property, {
      seed: plan.seed,
      numRuns: plan.numRuns,
      interruptAfterTimeLimit: Math.max(1, plan.deadline - Date.now()),
      markInterruptAsFailure: false,
      ...(replay ? { path: replay.decoded.path, endOnFailure: true } : {}),
    });
    return { details, flaky, advisories };
  } catch (e) {
    if (!replay) throw e;
    // fast-check cannot walk the path: it was printed by another property, or by other generators
    throw new Error(
      `ZSTACK_REPLAY_PATH=${replay.text} does not replay a case of ${plan.name} with seed ${plan.seed} (run it with -g '${plan.title}' and the seed printed with it; generators changed since?): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

const errorLine = (r: CaseResult | undefined): string => {
  if (!r || r.ok) return 'no error';
  const e = r.error;
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0].slice(0, 200);
};
