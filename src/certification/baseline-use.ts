// The baseline applied to one run: the active (unexpired) entries that turn a required failure into an expected
// one, remembered as used, and afterwards what the baseline's owner should change (entries that pass now,
// expired ones, unused ones).
import { describeEntry, isExpired, type Baseline, type BaselineEntry } from './baseline.ts';
import type { Cell, Certification, TestOutcome } from './certification.ts';
import { cellKey } from './cells.ts';

export type Expectation = NonNullable<Cell['expected']>;

export class BaselineUse {
  private readonly active: BaselineEntry[];
  private readonly used = new Set<BaselineEntry>();

  constructor(
    private readonly baseline: Baseline | undefined,
    private readonly now: Date,
  ) {
    this.active = (baseline?.entries ?? []).filter((e) => !isExpired(e, now));
  }

  /** The expectation of a failing required rule on an API, when an active entry names it. */
  forCell(api: string, rule: string): Expectation | undefined {
    return this.use(this.active.find((x) => !x.test && x.api === api && x.rule === rule));
  }

  /** The expectation of a failing test, when an active entry names it. */
  forTest(title: string): Expectation | undefined {
    return this.use(this.active.find((x) => x.test === title));
  }

  private use(b: BaselineEntry | undefined): Expectation | undefined {
    if (!b) return undefined;
    this.used.add(b);
    return { reason: b.reason, ...(b.expires ? { expires: b.expires } : {}) };
  }

  /** What the certification says about the baseline; undefined when the run had none. */
  report(tests: readonly TestOutcome[], cells: ReadonlyMap<string, Cell>): Certification['baseline'] {
    if (!this.baseline) return undefined;
    const passesNow = (b: BaselineEntry): boolean =>
      (b.test ? tests.find((x) => x.title === b.test) : cells.get(cellKey(b.api ?? '', b.rule ?? '')))?.verdict ===
      'passed';
    const nowPassing = this.active
      .filter((b) => !this.used.has(b) && passesNow(b))
      .map((b) => `${describeEntry(b)} passes now: remove it from the baseline`);
    return {
      file: this.baseline.file,
      applied: [...this.used].map((b) => `${describeEntry(b)}: ${b.reason}${b.expires ? ` (until ${b.expires})` : ''}`),
      nowPassing,
      expired: this.baseline.entries
        .filter((e) => isExpired(e, this.now))
        .map((b) => `${describeEntry(b)} expired on ${b.expires}: it counts again`),
      unused: this.active
        .filter((b) => !this.used.has(b) && !nowPassing.some((n) => n.startsWith(describeEntry(b))))
        .map(describeEntry),
    };
  }
}
