// The verdict ladder (after the OCI distribution-spec conformance suite): not applicable < skipped < passed <
// failed < error. A group takes its worst member. *error* is the suite's or the setup's fault (a fixture the
// target refused, the endpoint unreachable, a bug of the suite), never the server failing a rule.
export const LADDER = ['not-applicable', 'skipped', 'passed', 'failed', 'error'] as const;
export type Verdict = (typeof LADDER)[number];

export const worst = (a: Verdict, b: Verdict): Verdict => (LADDER.indexOf(a) >= LADDER.indexOf(b) ? a : b);
export const worstOf = (vs: Iterable<Verdict>, empty: Verdict = 'not-applicable'): Verdict =>
  [...vs].reduce(worst, empty);

/**
 * Exit codes of `npm run certify` and `npm run certify:verify`: 0 only when the certification passed.
 * skipped = nothing required could be judged (everything deselected, skipped or not applicable).
 */
export const EXIT_CODES: Record<Verdict | 'tampered', number> = {
  passed: 0,
  failed: 1,
  error: 2,
  skipped: 3,
  'not-applicable': 3,
  tampered: 4,
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  'not-applicable': 'NOT APPLICABLE',
  skipped: 'SKIPPED',
  passed: 'PASSED',
  failed: 'FAILED',
  error: 'ERROR',
};
