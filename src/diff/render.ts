// A differential run's verdict and its text reports: one console line per change, and the JSON report for tools
// (both classes, the counts, allowed changes marked). The HTML page is render-html.ts.
import { redact, redactJson } from '../reporting/redact.ts';
import type { Difference } from './difference.ts';

export interface DiffVerdict {
  /** 1 when a change is not allowed */
  exitCode: 0 | 1;
  /** changes not allowed */
  changes: number;
  informational: number;
  /** changes an allow-list entry accepts */
  allowed: number;
}

export function diffVerdict(differences: readonly Difference[]): DiffVerdict {
  const changes = differences.filter((d) => d.class === 'change' && !d.allowed).length;
  return {
    exitCode: changes > 0 ? 1 : 0,
    changes,
    informational: differences.filter((d) => d.class === 'informational').length,
    allowed: differences.filter((d) => d.class === 'change' && d.allowed).length,
  };
}

/** The test's title path from its id (`<project> › <file> › <title path>`). */
export const testTitle = (testId: string): string => testId.split(' › ').slice(2).join(' › ') || testId;

export const stepLabel = (d: Difference): string => (d.step === undefined ? 'test' : `step ${d.step}`);

/** `CHANGE <api> <test title> step <n> <path>: <a> → <b>`, one per change; an allowed one says why. */
export function consoleLines(differences: readonly Difference[]): string[] {
  return differences
    .filter((d) => d.class === 'change')
    .map((d) => {
      const head = d.allowed ? 'ALLOWED' : 'CHANGE';
      const why = d.allowed ? ` (${d.allowed.reason}; ${d.allowed.entry})` : '';
      return redact(
        `${head} ${d.api || '-'} ${testTitle(d.testId)} ${stepLabel(d)} ${d.path}: ${d.a} → ${d.b} [${d.kind}]${why}`,
      );
    });
}

export interface DiffReport {
  format: 1;
  a: string;
  b: string;
  verdict: DiffVerdict;
  /** the differences without their steps (the recordings hold those) */
  differences: Array<Omit<Difference, 'stepA' | 'stepB'>>;
}

/** The JSON report; `a` and `b` say what was compared (endpoints or recording folders). */
export function jsonReport(differences: readonly Difference[], sides: { a: string; b: string }): DiffReport {
  return redactJson({
    format: 1,
    ...sides,
    verdict: diffVerdict(differences),
    differences: differences.map(({ stepA: _a, stepB: _b, ...d }) => d),
  });
}
