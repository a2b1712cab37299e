// Step 1 of a property run: the cases fast-check generates for the seed, run several at a time
// (ZSTACK_CASES_IN_FLIGHT) up to the first failure or the time guard, each case's advisories kept apart so the
// report can keep those a sequential run would have met.
import fc from 'fast-check';
import type { CaseRunner } from './case-runner.ts';
import { runCasesInFlight, type PrefixRun } from './cases-in-flight.ts';

/**
 * The values fast-check generates for `seed`, in run order: a run's value depends only on the seed and its
 * index, never on how earlier runs ended (fast-check derives one random stream per run), so these are the
 * cases a sequential fc.check of the same arbitrary meets.
 */
export function generatedCases<T>(arb: fc.Arbitrary<T>, seed: number, numRuns: number): T[] {
  const values: T[] = [];
  fc.check(
    fc.property(arb, (v) => {
      values.push(v);
    }),
    { seed, numRuns },
  );
  return values;
}

export interface ParallelPrefix {
  prefix: PrefixRun;
  /** the advisories of each case that ran, by case index */
  advisoriesByCase: string[][];
}

export async function runParallelPrefix<T>(
  arb: fc.Arbitrary<T>,
  run: { seed: number; numRuns: number; inFlight: number; deadline: number },
  runner: CaseRunner<T>,
): Promise<ParallelPrefix> {
  const values = generatedCases(arb, run.seed, run.numRuns);
  const advisoriesByCase: string[][] = [];
  const prefix = await runCasesInFlight(values.length, run.inFlight, run.deadline, async (i) => {
    const into: string[] = (advisoriesByCase[i] = []);
    try {
      await runner.run(values[i], into);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { prefix, advisoriesByCase };
}

/** The advisories of the cases a sequential run would have run before its first failure, in case order. */
export const advisoriesBeforeFailure = (p: ParallelPrefix | undefined): string[] =>
  p ? p.advisoriesByCase.slice(0, p.prefix.firstFailure ?? p.prefix.results.length).flat() : [];
