// From what each test reported to one certification: per API × rule outcomes (the checks' tallies), per test
// verdicts, coverage against the profile, advisories counted once per check and API, the baseline applied, and
// the overall verdict. Pure: the reporter (one run, or shards merged) and the self-tests call it the same way.
import type { Baseline } from './baseline.ts';
import { BaselineUse } from './baseline-use.ts';
import { judgeAreas } from './area-outcomes.ts';
import { judgeCells } from './cells.ts';
import type { Cell, Certification, RunMeta, TestEntry, TestOutcome } from './certification.ts';
import { coverageOf } from './coverage.ts';
import { overallVerdict } from './gate.ts';
import { applicable, type Profile } from './profile.ts';
import { ruleSelection } from './rule-selection.ts';
import { judgeTests } from './test-outcomes.ts';
import { EXIT_CODES } from './verdict.ts';

// The document's types stay importable from here, where judge() writes it.
export type { Cell, Certification, Coverage, RunMeta, TestEntry, TestOutcome } from './certification.ts';

export function judge(
  entries: readonly TestEntry[],
  profile: Profile,
  meta: RunMeta,
  baseline?: Baseline,
): Certification {
  const app = applicable(profile, meta.declaredVersion);
  const rules = ruleSelection(profile, meta);
  const baselineUse = new BaselineUse(baseline, new Date(meta.date));
  const cells = judgeCells(entries, rules, baselineUse);
  const { tests, errors } = judgeTests(entries, {
    meta,
    app,
    testInfo: new Map(profile.tests.map((t) => [t.title, t])),
    rules,
    cells,
    expectedFor: (title) => baselineUse.forTest(title),
  });
  const areas = judgeAreas(entries, profile, meta.areas);
  const verdict = overallVerdict(cells.values(), tests, meta, areas);
  const cellList = [...cells.values()].sort((a, b) => a.api.localeCompare(b.api) || a.check.localeCompare(b.check));
  const result: Certification = {
    format: 'zstack-conformance-certification/1',
    suite: { name: 'zstack-conformance', version: meta.suiteVersion },
    profile: { name: profile.profile, version: profile.profileVersion, title: profile.title },
    target: meta.target,
    declaredVersion: meta.declaredVersion,
    date: meta.date,
    selection: meta.selection,
    verdict,
    exitCode: EXIT_CODES[verdict],
    summary: summaryOf(tests),
    cells: cellList,
    tests,
    advisories: advisoriesOf(cellList),
    errors,
    coverage: coverageOf(profile, app, rules, { entries, cells: cellList, tests }),
    areas,
  };
  const baselineReport = baselineUse.report(tests, cells);
  if (baselineReport) result.baseline = baselineReport;
  return result;
}

/** Advisory findings, once per check and API, with how often they occurred. */
const advisoriesOf = (cells: readonly Cell[]): Certification['advisories'] =>
  cells
    .filter((c) => c.level === 'advisory' && c.failed > 0)
    .map((c) => ({ check: c.check, api: c.api, occurrences: c.failed, findings: c.findings }));

/** How many listed tests ended with each verdict, and how many of them the baseline expected. */
function summaryOf(tests: readonly TestOutcome[]): Certification['summary'] {
  const summary = { 'not-applicable': 0, skipped: 0, passed: 0, failed: 0, error: 0, expected: 0 };
  for (const t of tests) {
    if (t.kind === 'setup' || t.kind === 'unlisted') continue;
    summary[t.verdict]++;
    if (t.expected) summary.expected++;
  }
  return summary;
}

/** The certification without what differs between two runs of the same tests (date): for comparing runs. */
export function comparable(c: Certification): Omit<Certification, 'date'> {
  const { date: _date, ...rest } = c;
  return rest;
}
