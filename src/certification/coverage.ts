// Coverage against the profile at the declared version: the APIs a check judged (or a passing pact interaction
// covered), the checks that judged at least one call, the state transitions seen, and the tests that judged.
import type { Applicable, Profile } from './profile.ts';
import type { Cell, Certification, TestEntry, TestOutcome } from './certification.ts';
import type { RuleSelection } from './rule-selection.ts';

export function coverageOf(
  profile: Profile,
  app: Applicable,
  rules: RuleSelection,
  judged: { entries: readonly TestEntry[]; cells: readonly Cell[]; tests: readonly TestOutcome[] },
): Certification['coverage'] {
  const cells = judged.cells.filter((c) => c.passed + c.failed > 0);
  const pactApis = judged.tests.filter((t) => t.kind === 'pact' && t.verdict === 'passed').flatMap((t) => t.apis);
  const transitions = new Set(judged.entries.flatMap((e) => e.record?.transitions ?? []));
  const listedRules = profile.checks
    .filter((c) => rules.selected(c.name))
    .map((c) => c.name)
    .sort();
  const testsThatJudged = judged.tests.filter(
    (t) => t.kind !== 'setup' && t.kind !== 'unlisted' && (t.verdict === 'passed' || t.verdict === 'failed'),
  );
  return {
    apis: {
      exercised: uniq([...cells.map((c) => c.api), ...pactApis]).filter((a) => app.apis.some((x) => x.name === a)),
      listed: app.apis.map((a) => a.name).sort(),
    },
    rules: { exercised: uniq(cells.map((c) => c.check)).filter((r) => listedRules.includes(r)), listed: listedRules },
    transitions: {
      exercised: [...transitions].filter((t) => app.transitions.includes(t)).sort(),
      listed: [...app.transitions].sort(),
    },
    tests: {
      exercised: uniq(testsThatJudged.map((t) => t.title)),
      listed: app.tests.map((t) => t.title).sort(),
    },
  };
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();
