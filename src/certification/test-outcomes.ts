// Per test: its verdict and why, from its record, status and annotations. A test the declared version does not
// have is not applicable; a record's error or an incomplete run is an error (the suite's or the setup's, never
// the server's); a required rule failing is a failure; a test that ended badly with no rule failing is an error.
import { PACT_VERIFY_TEST } from '../pact/names.ts';
import type { Applicable, Level, ProfileTest } from './profile.ts';
import type { Cell, Certification, RunMeta, TestEntry, TestOutcome } from './certification.ts';
import type { RecordError } from '../reporting/test-record.ts';
import type { RuleSelection } from './rule-selection.ts';
import { cellKey } from './cells.ts';

const SETUP_PROJECT = 'target';

export type RunError = Certification['errors'][number];

export interface TestJudging {
  meta: RunMeta;
  app: Applicable;
  testInfo: ReadonlyMap<string, ProfileTest>;
  rules: RuleSelection;
  cells: ReadonlyMap<string, Cell>;
  /** the baseline's expectation of a failing test */
  expectedFor(title: string): TestOutcome['expected'];
}

/** Every test's outcome, sorted by title, and the errors the run had. */
export function judgeTests(
  entries: readonly TestEntry[],
  judging: TestJudging,
): { tests: TestOutcome[]; errors: RunError[] } {
  const tests: TestOutcome[] = [];
  const errors: RunError[] = [];
  for (const e of entries) {
    const { outcome, error } = judgeTest(e, judging);
    if (error) errors.push(error);
    if (outcome.verdict === 'failed' && !outcome.expected) {
      const expected = judging.expectedFor(e.title);
      if (expected) outcome.expected = expected;
    }
    tests.push(outcome);
  }
  tests.sort((a, b) => a.title.localeCompare(b.title));
  return { tests, errors };
}

function judgeTest(
  e: TestEntry,
  { meta, app, testInfo, rules, cells }: TestJudging,
): {
  outcome: TestOutcome;
  error?: RunError;
} {
  const info = testInfo.get(e.title);
  const kind: TestOutcome['kind'] = e.project === SETUP_PROJECT ? 'setup' : (info?.kind ?? 'unlisted');
  const level: Level = info?.level ?? 'required';
  const out: TestOutcome = { title: e.title, kind, apis: info?.apis ?? [], level, verdict: 'passed' };
  const incomplete = e.annotations.find((a) => a.type === 'incomplete');
  const skip = e.annotations.find((a) => a.type === 'skip');
  if (info && !app.tests.includes(info)) {
    out.verdict = 'not-applicable';
    out.reason = `exists since ZStack ${info.since}; the target declares ${meta.declaredVersion}`;
  } else if (e.status === 'skipped') {
    out.verdict = 'skipped';
    out.reason =
      skip?.description ?? (kind === 'setup' ? undefined : 'skipped (its setup did not run, or it was deselected)');
  } else if (e.record?.error || incomplete) {
    out.verdict = 'error';
    const err: RecordError = e.record?.error ?? {
      kind: 'incomplete',
      message: incomplete?.description ?? 'stopped before its end',
    };
    out.reason = `${err.kind}: ${err.message}`;
    return { outcome: out, error: { test: e.title, kind: err.kind, message: err.message } };
  } else if (e.record) {
    const failing = e.record.rules.filter(
      (t) => t.failed > 0 && rules.selected(t.check) && rules.levelOf(t.check, t.severity) === 'required',
    );
    if (failing.length > 0) {
      out.verdict = 'failed';
      out.reason = failing.map((t) => `${t.check} on ${t.api}`).join(', ');
      if (failing.every((t) => cells.get(cellKey(t.api, t.check))?.expected))
        out.expected = { reason: 'every failing rule is in the baseline' };
    } else if (e.status !== 'passed') {
      out.verdict = 'error';
      out.reason = `suite: the test ended ${e.status} with no rule failing: ${e.error ?? ''}`.trim();
      return { outcome: out, error: { test: e.title, kind: 'suite', message: out.reason } };
    }
  } else if (e.status !== 'passed') {
    // no record: only the pact verification judges the server here; anything else that breaks is the run's fault
    const judgesServer = e.title === PACT_VERIFY_TEST && !e.stateProblem;
    out.verdict = judgesServer ? 'failed' : 'error';
    out.reason = e.error ?? e.status;
    if (!judgesServer) {
      const errorKind = kind === 'setup' ? 'transport' : e.stateProblem ? 'setup' : 'suite';
      return { outcome: out, error: { test: e.title, kind: errorKind, message: out.reason } };
    }
  }
  return { outcome: out };
}
