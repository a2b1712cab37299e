// Playwright reporter for the query sweep's summary: after a run with sweep tests it prints which Query APIs the
// target does not serve and the per-area counts (src/reporting/sweep-summary.ts), and writes reports/sweep.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import {
  renderSweepSummary,
  summarizeSweep,
  SWEEP_ANNOTATION,
  type SweepEntry,
} from '../src/reporting/sweep-summary.ts';

export default class SweepReporter implements Reporter {
  private readonly entries = new Map<string, SweepEntry>();

  constructor(private readonly options: { outputFile?: string } = {}) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotations = [...test.annotations, ...result.annotations];
    const of = (type: string) => annotations.filter((a) => a.type === type).map((a) => a.description ?? '');
    const area = of(SWEEP_ANNOTATION.area)[0];
    const api = of('api')[0];
    if (area === undefined || api === undefined) return;
    const notServed = of(SWEEP_ANNOTATION.notServed).length > 0;
    if (result.status === 'skipped' && !notServed) return; // not swept (a version the target does not offer)
    // the last attempt of a test counts (retries replace earlier ones)
    this.entries.set(test.id, {
      api,
      area,
      served: !notServed,
      failed: result.status === 'failed' || result.status === 'timedOut' || result.status === 'interrupted',
      notApplicable: [...new Set(of(SWEEP_ANNOTATION.notApplicable))],
      requests: Number(of(SWEEP_ANNOTATION.requests)[0] ?? 0),
    });
  }

  onEnd(): void {
    if (this.entries.size === 0) return;
    const summary = summarizeSweep([...this.entries.values()]);
    const file = this.options.outputFile ?? 'reports/sweep.json';
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\n${renderSweepSummary(summary).join('\n')}\n  (every API and reason: ${file})`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
