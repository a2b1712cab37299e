// What recording costs a run (ZSTACK_RECORD): the conformance run's recorded projects against the embedded server,
// run with recording off and on, alternately, in a temporary folder so the bench's own reports stay. Its wall time
// and the recording's size beside each other; the overhead is the on-median over the off-median.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECORDED_PROJECTS } from '../cli/diff-sides.ts';
import { runPlaywright, withOnlySettings } from '../cli/playwright-child.ts';

export interface RecordingRow {
  pairs: number;
  offMedianMs: number;
  onMedianMs: number;
  /** onMedian / offMedian - 1 */
  overhead: number;
  recordedTests: number;
  recordedBytes: number;
}

async function timedRun(cwd: string, record: boolean, seed: number, runId: string): Promise<number> {
  const env = withOnlySettings({ ZSTACK_SEED: String(seed), ZSTACK_RUN_ID: runId, ZSTACK_RECORD: String(record) });
  const args = [...RECORDED_PROJECTS.map((p) => `--project=${p}`), '--reporter=dot'];
  const started = performance.now();
  const code = await runPlaywright('playwright.config.ts', args, env, { cwd, quiet: true });
  if (code !== 0) throw new Error(`a timed run ended with exit ${code}`);
  return performance.now() - started;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureRecording(pairs: number, seed: number): Promise<RecordingRow> {
  const cwd = mkdtempSync(join(tmpdir(), 'zc-bench-recording-'));
  try {
    const off: number[] = [];
    const on: number[] = [];
    for (let i = 0; i < pairs; i++) {
      off.push(await timedRun(cwd, false, seed, `benchoff${i}`));
      on.push(await timedRun(cwd, true, seed, `benchon${i}`));
    }
    const dir = join(cwd, 'reports', 'recordings', 'benchon0');
    const files = readdirSync(dir);
    return {
      pairs,
      offMedianMs: median(off),
      onMedianMs: median(on),
      overhead: median(on) / median(off) - 1,
      recordedTests: files.length,
      recordedBytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0),
    };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
