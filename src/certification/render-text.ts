// The certificate as one terminal screen: who, what, against what, the verdict, coverage, and every failure,
// error, expected failure and advisory in one line each.
import type { Certification } from './judge.ts';
import { areaReasons } from './area-outcomes.ts';
import type { AreaOutcome } from './certification.ts';
import { VERDICT_LABEL } from './verdict.ts';

const ratio = (c: { exercised: string[]; listed: string[] }): string => `${c.exercised.length}/${c.listed.length}`;
const MAX_LINES = 12;

function capped(lines: string[]): string[] {
  return lines.length <= MAX_LINES
    ? lines
    : [...lines.slice(0, MAX_LINES), `  … and ${lines.length - MAX_LINES} more (certificate.html)`];
}

/** One line per area: certified or not, its queries served / not served / failed / not run. */
export const areaLine = (a: AreaOutcome): string =>
  `${a.area}${a.certified ? ' (certified)' : ''}: ${a.served.length} served, ${a.notServed.length} not served, ${a.failed.length} failed${a.notRun.length ? `, ${a.notRun.length} not run` : ''}`;

export function renderText(c: Certification): string {
  const s = c.summary;
  const out = [
    `ZStack conformance certificate: ${VERDICT_LABEL[c.verdict]}`,
    `  suite      ${c.suite.name} ${c.suite.version}`,
    `  profile    ${c.profile.name} ${c.profile.version}`,
    `  target     ${c.target}, declares ZStack ${c.declaredVersion}`,
    `  date       ${c.date}`,
    `  selection  ${c.selection.length ? c.selection.join(' ') : 'the whole profile'}`,
    `  tests      ${s.passed} passed, ${s.failed} failed${s.expected ? ` (${s.expected} expected)` : ''}, ${s.error} error, ${s.skipped} skipped, ${s['not-applicable']} not applicable`,
    `  coverage   APIs ${ratio(c.coverage.apis)}, rules ${ratio(c.coverage.rules)}, state transitions ${ratio(c.coverage.transitions)}, tests ${ratio(c.coverage.tests)}`,
  ];
  const certified = c.areas.filter((a) => a.certified);
  out.push(`  areas      ${certified.length ? certified.map((a) => a.area).join(', ') : 'none certified'}`);
  // the certified areas first, every one of them; the rest as far as the cap allows
  const byArea = [...certified, ...c.areas.filter((a) => !a.certified)];
  if (c.areas.length)
    out.push(
      'Query surface by area (certified first):',
      ...certified.map((a) => `  ${areaLine(a)}`),
      ...capped(byArea.slice(certified.length).map((a) => `  ${areaLine(a)}`)),
    );
  const areaFailures = certified.flatMap((a) => areaReasons(a).map((r) => `  ✗ ${a.area}: ${r}`));
  if (areaFailures.length) out.push('Failed (certified areas):', ...capped(areaFailures));
  const failed = c.cells.filter((x) => x.verdict === 'failed' && x.level === 'required' && !x.expected);
  if (failed.length)
    out.push(
      'Failed (required rule on API):',
      ...capped(failed.map((x) => `  ✗ ${x.check} on ${x.api}: ${x.findings[0]?.title ?? ''} (${x.failed}×)`)),
    );
  const failedTests = c.tests.filter(
    (t) => t.verdict === 'failed' && !t.expected && t.level === 'required' && !failed.length,
  );
  if (failedTests.length)
    out.push('Failed tests:', ...capped(failedTests.map((t) => `  ✗ ${t.title}: ${t.reason ?? ''}`)));
  if (c.errors.length)
    out.push(
      'Errors (the setup or the suite, not the server):',
      ...capped(c.errors.map((e) => `  ! ${e.test}: ${e.kind}: ${e.message.split('\n')[0]}`)),
    );
  const expected = c.cells.filter((x) => x.expected);
  if (expected.length)
    out.push(
      'Expected failures (baseline):',
      ...capped(expected.map((x) => `  ~ ${x.check} on ${x.api}: ${x.expected?.reason}`)),
    );
  if (c.baseline?.nowPassing.length)
    out.push('Baseline entries that pass now:', ...capped(c.baseline.nowPassing.map((n) => `  + ${n}`)));
  if (c.baseline?.expired.length)
    out.push('Expired baseline entries:', ...capped(c.baseline.expired.map((n) => `  - ${n}`)));
  if (c.advisories.length)
    out.push(
      'Advisory findings (do not fail the verdict):',
      ...capped(
        c.advisories.map((a) => `  ? ${a.check} on ${a.api}: ${a.findings[0]?.title ?? ''} (${a.occurrences}×)`),
      ),
    );
  return out.join('\n') + '\n';
}
