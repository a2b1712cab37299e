// Runs a property's generated cases several at a time (ZSTACK_CASES_IN_FLIGHT) with the verdict of a sequential
// run. Cases are independent of each other (each makes and deletes its own resources; the commands of a
// model-based case stay in order inside it), so only whole cases overlap. They start in index order and no case
// starts after a failing one is known or after the time guard, so when the pool drains, every case before the
// first failing one has finished: that first failure is the one a sequential run would have met first.

export type CaseResult = { ok: true } | { ok: false; error: unknown };

export interface PrefixRun {
  /** results of the cases that ran, by index: always a prefix 0..ran-1 of the generated cases */
  results: CaseResult[];
  /** index of the first failing case, if any */
  firstFailure: number | undefined;
  /** the time guard stopped new cases from starting */
  guardReached: boolean;
}

/**
 * Runs `run(i)` for i = 0..count-1, at most `inFlight` at once, in index order; stops starting new cases once a
 * case failed or `deadline` (epoch ms) has passed, then waits for the ones in flight.
 */
export async function runCasesInFlight(
  count: number,
  inFlight: number,
  deadline: number,
  run: (index: number) => Promise<CaseResult>,
): Promise<PrefixRun> {
  const results: CaseResult[] = [];
  let next = 0;
  let failed = false;
  let guardReached = false;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (failed || next >= count) return;
      if (Date.now() >= deadline) {
        guardReached = true;
        return;
      }
      const index = next++;
      const r = await run(index).catch((error: unknown): CaseResult => ({ ok: false, error }));
      results[index] = r;
      if (!r.ok) failed = true;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, count)) }, worker));
  const firstFailure = results.findIndex((r) => !r.ok);
  return {
    results,
    firstFailure: firstFailure < 0 ? undefined : firstFailure,
    guardReached: guardReached && next < count && firstFailure < 0,
  };
}
