// A recorded run judged again with no endpoint: `zstack-conformance run --record` against the embedded server with
// two fault modes (so some tests fail and others pass, a property among them), then `zstack-conformance replay` of
// its recording after that server is gone. Every test keeps its verdict, and every violation the live run printed
// is printed again.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, REPO, runBounded } from '../../fixtures/nested-run.ts';

const BIN = join(REPO, 'bin', 'zstack-conformance.mjs');
const SAMPLE =
  'ChangeIAM2OrganizationState moves|non-OAuth Authorization|random lifecycles|sweep QueryVmInstance @|UpdateIAM2TicketFlowCollection changes';

/** title -> status of every test in a Playwright JSON report */
function verdicts(file: string): Map<string, string> {
  type Suite = { suites?: Suite[]; specs?: Array<{ title: string; tests: Array<{ status: string }> }> };
  const out = new Map<string, string>();
  const walk = (s: Suite): void => {
    for (const x of s.suites ?? []) walk(x);
    for (const sp of s.specs ?? []) out.set(sp.title.replace(/ @.*$/, ''), sp.tests[0]?.status ?? 'none');
  };
  for (const s of (JSON.parse(readFileSync(file, 'utf8')) as { suites: Suite[] }).suites) walk(s);
  return out;
}

const violations = (output: string): Set<string> => new Set(output.match(/✗ \S+ \[required\] [^\n]*/g) ?? []);

test('a recording of a failing run replays, with no endpoint, to the same verdicts and violations', async () => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'zc-replay-'));
  const env = cleanEnv('repo', {
    TMPDIR: folder,
    ZSTACK_RUN_ID: 'replayed',
    ZSTACK_NUM_RUNS: '3',
    ZSTACK_REF_FAULTS: 'bad-session-accepted,state-event-renames',
  });
  const live = await runBounded([BIN, 'run', '--record', '--grep', SAMPLE, '--workers', '2'], folder, env, 180_000);
  expect(live.status, live.stdout.slice(-3000) + live.stderr).toBe(1);
  const replay = await runBounded([BIN, 'replay', join('reports', 'recordings', 'replayed')], folder, env, 60_000);
  expect(replay.status, replay.stdout.slice(-3000) + replay.stderr).toBe(1);

  const before = verdicts(join(folder, 'reports', 'results.json'));
  const after = verdicts(join(folder, 'reports', 'replay', 'results.json'));
  // the pact projects of `run` record nothing: every other test is replayed with its verdict
  for (const t of ['the target is reachable and the account can log in']) before.delete(t);
  expect([...after.keys()].sort()).toEqual([...before.keys()].filter((t) => !/pact|provider/i.test(t)).sort());
  for (const [title, status] of after) expect(`${title}: ${status}`).toBe(`${title}: ${before.get(title)}`);
  expect([...after.values()]).toContain('expected');
  expect([...after.values()]).toContain('unexpected');

  const printed = violations(live.stdout);
  expect(printed.size).toBeGreaterThan(0);
  const again = violations(replay.stdout);
  expect([...printed].filter((v) => !again.has(v))).toEqual([]);
  rmSync(folder, { recursive: true, force: true });
});
