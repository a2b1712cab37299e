// Per API × rule: the checks' tallies of every test added up, at most five distinct findings kept, and the cell's
// verdict (failed when any call failed it, passed when any passed, else not applicable). A failing required cell
// the baseline names is expected.
import type { Cell, TestEntry } from './certification.ts';
import type { RuleTally } from '../reporting/test-record.ts';
import type { RuleSelection } from './rule-selection.ts';

const FINDINGS_KEPT = 5;

/** The key of an API × rule cell. */
export const cellKey = (api: string, check: string): string => `${api}\u0000${check}`;

export function judgeCells(
  entries: readonly TestEntry[],
  rules: RuleSelection,
  baseline: { forCell(api: string, rule: string): Cell['expected'] },
): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const e of entries) {
    for (const t of e.record?.rules ?? []) {
      if (!rules.selected(t.check)) continue;
      const key = cellKey(t.api, t.check);
      const cell = cells.get(key) ?? emptyCell(t, rules);
      cells.set(key, cell);
      addTally(cell, t);
    }
  }
  for (const c of cells.values()) {
    c.verdict = c.failed > 0 ? 'failed' : c.passed > 0 ? 'passed' : 'not-applicable';
    if (c.verdict === 'failed' && c.level === 'required') {
      const expected = baseline.forCell(c.api, c.check);
      if (expected) c.expected = expected;
    }
  }
  return cells;
}

const emptyCell = (t: RuleTally, rules: RuleSelection): Cell => ({
  api: t.api,
  check: t.check,
  level: rules.levelOf(t.check, t.severity),
  verdict: 'not-applicable',
  passed: 0,
  failed: 0,
  notApplicable: 0,
  findings: [],
});

function addTally(c: Cell, t: RuleTally): void {
  c.passed += t.passed;
  c.failed += t.failed;
  c.notApplicable += t.notApplicable;
  for (const f of t.findings) {
    const same = c.findings.find((x) => x.title === f.title && x.received === f.received);
    if (same) same.count += f.count;
    else if (c.findings.length < FINDINGS_KEPT) c.findings.push({ ...f });
  }
}
