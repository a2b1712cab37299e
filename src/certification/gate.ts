// The overall verdict: the worst of the required cells, required tests (errors count at any level) and certified
// areas, an expected failure counting as passed. Nothing required judged, or only not-applicable ones, is skipped.
import type { AreaOutcome } from './certification.ts';
import type { Cell, RunMeta, TestOutcome } from './certification.ts';
import { worstOf, type Verdict } from './verdict.ts';

export function overallVerdict(
  cells: Iterable<Cell>,
  tests: readonly TestOutcome[],
  meta: RunMeta,
  areas: readonly AreaOutcome[] = [],
): Verdict {
  const gate: Verdict[] = [];
  for (const a of areas) if (a.certified && meta.level !== 'advisory') gate.push(a.verdict);
  for (const c of cells) {
    const counts = (!meta.level || c.level === meta.level) && c.level === 'required';
    if (counts && c.verdict !== 'not-applicable') gate.push(c.expected ? 'passed' : c.verdict);
  }
  for (const t of tests) {
    if (t.kind === 'unlisted') continue;
    if (t.level !== 'required' && t.verdict !== 'error') continue;
    if (meta.level === 'advisory' && t.verdict !== 'error') continue;
    gate.push(t.expected ? 'passed' : t.verdict);
  }
  const verdict = worstOf(gate);
  if (verdict === 'not-applicable') return 'skipped';
  if (!gate.includes('passed') && verdict !== 'error' && verdict !== 'failed') return 'skipped';
  return verdict;
}
