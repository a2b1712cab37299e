// The certification document and what it is judged from: one entry per test as the reporter saw it, the run's
// description, and the per API × rule cells, per test outcomes, coverage and baseline report judge() writes.
import type { Level, TestKind } from './profile.ts';
import type { RecordError, RuleTally, TestRecord } from '../reporting/test-record.ts';
import type { Verdict } from './verdict.ts';

/** One test as the reporter saw it (its last attempt). */
export interface TestEntry {
  title: string;
  project: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** the first lines of its error, redacted */
  error?: string;
  annotations: Array<{ type: string; description?: string }>;
  /** its Playwright tags (`@api:<Name>` names the API it tests) */
  tags?: string[];
  record?: TestRecord;
  /** the pact verification found a provider-state problem (setup, not the server) */
  stateProblem?: boolean;
}

/** One area of the query surface as the sweep found it (area-outcomes.ts). */
export interface AreaOutcome {
  area: string;
  /** declared by the vendor: its queries decide the verdict */
  certified: boolean;
  served: string[];
  notServed: string[];
  failed: string[];
  /** queries of the area no sweep test ran (deselected, or the sweep did not run) */
  notRun: string[];
  verdict: Verdict;
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
  /** the areas certified (ZSTACK_PROFILE_AREAS); undefined = none */
  areas?: string[];
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
  /** the query surface by area as the sweep found it: the certified areas, and every area the sweep ran */
  areas: AreaOutcome[];
  baseline?: { file: string; applied: string[]; nowPassing: string[]; expired: string[]; unused: string[] };
}
