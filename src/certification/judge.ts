// From what each test reported to one certification: per API × rule outcomes (the checks' tallies), per test
// verdicts, coverage against the profile, advisories counted once per check and API, the baseline applied, and
// the overall verdict. Pure: the reporter (one run, or shards merged) and the self-tests call it the same way.
import type { Severity } from '../checks/index.ts';
import { describeEntry, isExpired, type Baseline, type BaselineEntry } from './baseline.ts';
import { PACT_VERIFY_TEST } from '../pact/names.ts';
import { applicable, type Level, type Profile, type TestKind } from './profile.ts';
import type { RecordError, RuleTally, TestRecord } from '../reporting/test-record.ts';
import { EXIT_CODES, worstOf, type Verdict } from './verdict.ts';

/** One test as the reporter saw it (its last attempt). */
export interface TestEntry {
  title: string;
  project: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** the first lines of its error, redacted */
  error?: string;
  annotations: Array<{ type: string; description?: string }>;
  record?: TestRecord;
  /** the pact verification found a provider-state problem (setup, not the server) */
  stateProblem?: boolean;
}

export interface Cell {
  api: string;
  check: string;
  level: Level;
  verdict: Verdict;
  passed: number;
  failed: number;
  notApplicable: number;
  findings: RuleTally['findings'];
  /** a required failure the baseline expects */
  expected?: { reason: string; expires?: string };
}

export interface TestOutcome {
  title: string;
  kind: TestKind | 'setup' | 'unlisted';
  apis: string[];
  level: Level;
  verdict: Verdict;
  reason?: string;
  expected?: { reason: string; expires?: string };
}

export interface Coverage {
  exercised: string[];
  listed: string[];
}

export interface RunMeta {
  suiteVersion: string;
  /** the target as it may be shown: an origin without credentials, or "embedded reference server" */
  target: string;
  declaredVersion: string;
  date: string;
  /** what narrowed the run (--grep, projects, rules, levels); empty = the whole profile */
  selection: string[];
  /** only these checks count (selection by rule); undefined = all */
  rules?: string[];
  /** only this level counts (selection by level); undefined = both */
  level?: Level;
}

export interface Certification {
  format: 'zstack-conformance-certification/1';
  suite: { name: 'zstack-conformance'; version: string };
  profile: { name: string; version: string; title: string };
  target: string;
  declaredVersion: string;
  date: string;
  selection: string[];
  verdict: Verdict;
  exitCode: number;
  summary: Record<Verdict, number> & { expected: number };
  cells: Cell[];
  tests: TestOutcome[];
  advisories: Array<{ check: string; api: string; occurrences: number; findings: RuleTally['findings'] }>;
  errors: Array<{ test: string; kind: RecordError['kind']; message: string }>;
  coverage: { apis: Coverage; rules: Coverage; transitions: Coverage; tests: Coverage };
  baseline?: { file: string; applied: string[]; nowPassing: string[]; expired: string[]; unused: string[] };
}

const SETUP_PROJECT = 'target';

export function judge(
  entries: readonly TestEntry[],
  profile: Profile,
  meta: RunMeta,
  baseline?: Baseline,
): Certification {
  const app = applicable(profile, meta.declaredVersion);
  const testInfo = new Map(profile.tests.map((t) => [t.title, t]));
  const checkLevel = new Map(profile.checks.map((c) => [c.name, c.level]));
  const now = new Date(meta.date);
  const active = (baseline?.entries ?? []).filter((e) => !isExpired(e, now));
  const used = new Set<BaselineEntry>();
  const selectedRule = (check: string): boolean => !meta.rules || meta.rules.includes(check);
  const levelOf = (check: string, severity: Severity): Level => checkLevel.get(check) ?? severity;

  // --- per API × rule
  const cells = new Map<string, Cell>();
  for (const e of entries) {
    for (const t of e.record?.rules ?? []) {
      if (!selectedRule(t.check)) continue;
      const key = `${t.api}\u0000${t.check}`;
      let c = cells.get(key);
      if (!c)
        cells.set(
          key,
          (c = {
            api: t.api,
            check: t.check,
            level: levelOf(t.check, t.severity),
            verdict: 'not-applicable',
            passed: 0,
            failed: 0,
            notApplicable: 0,
            findings: [],
          }),
        );
      c.passed += t.passed;
      c.failed += t.failed;
      c.notApplicable += t.notApplicable;
      for (const f of t.findings) {
        const same = c.findings.find((x) => x.title === f.title && x.received === f.received);
        if (same) same.count += f.count;
        else if (c.findings.length < 5) c.findings.push({ ...f });
      }
    }
  }
  for (const c of cells.values()) {
    c.verdict = c.failed > 0 ? 'failed' : c.passed > 0 ? 'passed' : 'not-applicable';
    if (c.verdict === 'failed' && c.level === 'required') {
      const b = active.find((x) => !x.test && x.api === c.api && x.rule === c.check);
      if (b) {
        used.add(b);
        c.expected = { reason: b.reason, ...(b.expires ? { expires: b.expires } : {}) };
      }
    }
  }
  const counts = (c: Cell): boolean => (!meta.level || c.level === meta.level) && c.level === 'required';

  // --- per test
  const tests: TestOutcome[] = [];
  const errors: Certification['errors'] = [];
  for (const e of entries) {
    const info = testInfo.get(e.title);
    const kind: TestOutcome['kind'] = e.project === SETUP_PROJECT ? 'setup' : (info?.kind ?? 'unlisted');
    const level: Level = info?.level ?? 'required';
    const apis = info?.apis ?? [];
    const out: TestOutcome = { title: e.title, kind, apis, level, verdict: 'passed' };
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
      errors.push({ test: e.title, kind: err.kind, message: err.message });
    } else if (e.record) {
      const failing = e.record.rules.filter(
        (t) => t.failed > 0 && selectedRule(t.check) && levelOf(t.check, t.severity) === 'required',
      );
      if (failing.length > 0) {
        out.verdict = 'failed';
        out.reason = failing.map((t) => `${t.check} on ${t.api}`).join(', ');
        if (failing.every((t) => cells.get(`${t.api}\u0000${t.check}`)?.expected))
          out.expected = { reason: 'every failing rule is in the baseline' };
      } else if (e.status !== 'passed') {
        out.verdict = 'error';
        out.reason = `suite: the test ended ${e.status} with no rule failing: ${e.error ?? ''}`.trim();
        errors.push({ test: e.title, kind: 'suite', message: out.reason });
      }
    } else if (e.status !== 'passed') {
      // no record: only the pact verification judges the server here; anything else that breaks is the run's fault
      const judgesServer = e.title === PACT_VERIFY_TEST && !e.stateProblem;
      out.verdict = judgesServer ? 'failed' : 'error';
      out.reason = e.error ?? e.status;
      if (!judgesServer)
        errors.push({
          test: e.title,
          kind: kind === 'setup' ? 'transport' : e.stateProblem ? 'setup' : 'suite',
          message: out.reason,
        });
    }
    if (out.verdict === 'failed' && !out.expected) {
      const b = active.find((x) => x.test === e.title);
      if (b) {
        used.add(b);
        out.expected = { reason: b.reason, ...(b.expires ? { expires: b.expires } : {}) };
      }
    }
    tests.push(out);
  }
  tests.sort((a, b) => a.title.localeCompare(b.title));

  // --- the verdict: required cells and required tests; an expected failure does not fail the gate
  const gate: Verdict[] = [];
  for (const c of cells.values())
    if (counts(c) && c.verdict !== 'not-applicable') gate.push(c.expected ? 'passed' : c.verdict);
  for (const t of tests) {
    if (t.kind === 'unlisted') continue;
    if (t.level !== 'required' && t.verdict !== 'error') continue;
    if (meta.level === 'advisory' && t.verdict !== 'error') continue;
    gate.push(t.expected ? 'passed' : t.verdict);
  }
  let verdict = worstOf(gate);
  if (verdict === 'not-applicable') verdict = 'skipped';
  if (!gate.includes('passed') && verdict !== 'error' && verdict !== 'failed') verdict = 'skipped';

  // --- coverage against the profile (for the declared version)
  const cellList = [...cells.values()].sort((a, b) => a.api.localeCompare(b.api) || a.check.localeCompare(b.check));
  const judged = cellList.filter((c) => c.passed + c.failed > 0);
  const pactApis = tests.filter((t) => t.kind === 'pact' && t.verdict === 'passed').flatMap((t) => t.apis);
  const transitions = new Set(entries.flatMap((e) => e.record?.transitions ?? []));
  const listedRules = profile.checks
    .filter((c) => selectedRule(c.name))
    .map((c) => c.name)
    .sort();
  const coverage = {
    apis: {
      exercised: uniq([...judged.map((c) => c.api), ...pactApis]).filter((a) => app.apis.some((x) => x.name === a)),
      listed: app.apis.map((a) => a.name).sort(),
    },
    rules: { exercised: uniq(judged.map((c) => c.check)).filter((r) => listedRules.includes(r)), listed: listedRules },
    transitions: {
      exercised: [...transitions].filter((t) => app.transitions.includes(t)).sort(),
      listed: [...app.transitions].sort(),
    },
    tests: {
      exercised: uniq(
        tests
          .filter(
            (t) => t.kind !== 'setup' && t.kind !== 'unlisted' && (t.verdict === 'passed' || t.verdict === 'failed'),
          )
          .map((t) => t.title),
      ),
      listed: app.tests.map((t) => t.title).sort(),
    },
  };

  const advisories = cellList
    .filter((c) => c.level === 'advisory' && c.failed > 0)
    .map((c) => ({ check: c.check, api: c.api, occurrences: c.failed, findings: c.findings }));
  const summary = { 'not-applicable': 0, skipped: 0, passed: 0, failed: 0, error: 0, expected: 0 };
  for (const t of tests) {
    if (t.kind === 'setup' || t.kind === 'unlisted') continue;
    summary[t.verdict]++;
    if (t.expected) summary.expected++;
  }

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
    summary,
    cells: cellList,
    tests,
    advisories,
    errors,
    coverage,
  };
  if (baseline) {
    const nowPassing: string[] = [];
    for (const b of active) {
      if (used.has(b)) continue;
      if (b.test) {
        const t = tests.find((x) => x.title === b.test);
        if (t?.verdict === 'passed') nowPassing.push(`${describeEntry(b)} passes now: remove it from the baseline`);
      } else {
        const c = cells.get(`${b.api}\u0000${b.rule}`);
        if (c?.verdict === 'passed') nowPassing.push(`${describeEntry(b)} passes now: remove it from the baseline`);
      }
    }
    result.baseline = {
      file: baseline.file,
      applied: [...used].map((b) => `${describeEntry(b)}: ${b.reason}${b.expires ? ` (until ${b.expires})` : ''}`),
      nowPassing,
      expired: baseline.entries
        .filter((e) => isExpired(e, now))
        .map((b) => `${describeEntry(b)} expired on ${b.expires}: it counts again`),
      unused: active
        .filter((b) => !used.has(b) && !nowPassing.some((n) => n.startsWith(describeEntry(b))))
        .map(describeEntry),
    };
  }
  return result;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

/** The certification without what differs between two runs of the same tests (date): for comparing runs. */
export function comparable(c: Certification): Omit<Certification, 'date'> {
  const { date: _date, ...rest } = c;
  return rest;
}
