// Cleanup that holds however a run ends: a real Playwright run of the properties against a reference server
// (in this process, so the test can see everything stored), interrupted half-way by SIGINT (Ctrl-C reaches the
// whole process group) or SIGTERM (a CI timeout, sent to the runner). The run's global teardown replays its
// ledger; then the janitor finds nothing more. Nothing the run created is left.
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer, type ReferenceServer } from '../../reference-server/server.ts';
import { killGroup, startNested, waitFor, type NestedRun } from '../../fixtures/nested-run.ts';
import { runDir } from '../../src/safety/run-dir.ts';

test.describe.configure({ mode: 'serial' });

async function interruptedRun(
  signal: 'SIGINT' | 'SIGTERM',
  runId: string,
): Promise<{ ref: ReferenceServer; mine: () => string[]; run: NestedRun; env: Record<string, string> }> {
  const ref = await startReferenceServer({});
  const env = {
    ZSTACK_BASE_URL: ref.url,
    ZSTACK_PASSWORD: 'password',
    ZSTACK_RUN_ID: runId,
    // many cases, so the properties are still running at the interrupt; no pacing needed on loopback
    ZSTACK_NUM_RUNS: '2000',
    ZSTACK_MAX_IN_FLIGHT: '64',
    ZSTACK_MAX_RPS: '5000',
  };
  const mine = () =>
    ref
      .resources()
      .filter((r) => r.name.startsWith(`zc-${runId}-`))
      .map((r) => `${r.resource} ${r.name}${r.softDeleted ? ' (deleted, not expunged)' : ''}`);
  const run = startNested(
    'repo',
    ['--project=properties', '--reporter=line', `--output=${mkdtempSync(join(tmpdir(), 'zc-interrupted-'))}`],
    env,
  );
  try {
    await waitFor(
      () => mine().length >= 6 || run.child.exitCode !== null,
      90_000,
      'the properties to create resources',
    );
    expect(run.child.exitCode, run.output()).toBeNull();
    if (signal === 'SIGINT')
      process.kill(-(run.child.pid as number), 'SIGINT'); // Ctrl-C: the terminal signals the whole group
    else process.kill(run.child.pid as number, 'SIGTERM'); // a CI timeout: the runner only
    const timer = setTimeout(() => killGroup(run), 60_000);
    await run.exited;
    clearTimeout(timer);
  } finally {
    killGroup(run);
  }
  return { ref, mine, run, env };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`a run interrupted by ${signal} while the properties run leaves nothing it created, and the janitor then finds nothing`, async () => {
    test.setTimeout(240_000);
    const runId = `int${signal === 'SIGINT' ? 'i' : 't'}${Date.now().toString(36).slice(-5)}`;
    const { ref, mine, run, env } = await interruptedRun(signal, runId);
    try {
      expect(run.output()).toMatch(/interrupted|Interrupted/);
      expect(mine(), `left on the target after the run's own teardown:\n${run.output().slice(-3000)}`).toEqual([]);
      expect(run.output()).toMatch(
        /zstack-conformance teardown: deleted [1-9]\d* resource\(s\) the run had not deleted/,
      );
      expect(existsSync(runDir(runId)), "the run's ledger is removed once nothing of it is left").toBe(false);
      if (signal === 'SIGTERM') return; // the janitor's part is the same for both
      const janitor = startNested('repo', ['--yes', '--run', runId], env, ['--import', 'tsx', 'scripts/janitor.ts']);
      expect(await janitor.exited, janitor.output()).toBe(0);
      expect(janitor.output()).toMatch(/deleted 0 of 0 leftover\(s\)/);
      expect(mine()).toEqual([]);
    } finally {
      await ref.close();
    }
  });
}
