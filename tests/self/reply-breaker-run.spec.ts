// A whole run against an endpoint whose query replies never finish: a real Playwright run of `npm run
// conformance`'s projects against a reference server in this process, behind a loopback proxy that passes
// creates, deletes and job polls through but answers every query with its headers and then a byte every 300 ms,
// forever. The reply breaker (src/safety/reply-breaker.ts) must stop the run soon after the first dripping reply,
// say why in one line, and the teardown must still delete what the run created (asked of the reference server
// itself, not through the proxy).
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../../reference-server/server.ts';
import { startDrippingProxy } from '../../fixtures/dripping-proxy.ts';
import { killGroup, startNested } from '../../fixtures/nested-run.ts';
import { runDir } from '../../src/safety/run-dir.ts';

const REQUEST_BOUND_MS = 2_000;
/**
 * After the first dripping reply starts: at most two request bounds until the second dripping reply ends (the
 * first may be the only one in flight, and the next query waits its whole bound), then the runner's watch (0.2 s),
 * Playwright stopping its workers, and the teardown's login and deletes over loopback (about a second each on
 * a loaded 2-core machine). Without the breaker the run goes on for tens of seconds more (every query test
 * waits out its bound, and the failed ones cost fresh workers).
 */
const AFTER_FIRST_DRIP_MS = 2 * REQUEST_BOUND_MS + 6_000;

test('a run whose query replies never finish stops within two request bounds of the first, says so in one line, and leaves nothing it created', async () => {
  test.setTimeout(120_000);
  const ref = await startReferenceServer({});
  const proxy = await startDrippingProxy(ref.url, 300);
  const runId = `drip${Date.now().toString(36).slice(-6)}`;
  const out = mkdtempSync(join(tmpdir(), 'zc-drip-'));
  const run = startNested(
    'repo',
    [
      '--project=conformance',
      '--project=protocol',
      '--project=derived',
      '--project=properties',
      '--project=pact',
      '--reporter=line',
      `--output=${out}`,
    ],
    {
      ZSTACK_BASE_URL: proxy.url,
      ZSTACK_PASSWORD: 'password',
      ZSTACK_RUN_ID: runId,
      ZSTACK_REQUEST_TIMEOUT_MS: String(REQUEST_BOUND_MS),
    },
  );
  try {
    const timer = setTimeout(() => killGroup(run), 100_000);
    const code = await run.exited;
    const ended = Date.now();
    clearTimeout(timer);
    const output = run.output();
    const firstDrip = proxy.firstDripAt();
    expect(firstDrip, 'the run met a dripping reply').toBeDefined();
    test.info().annotations.push({
      type: 'measured',
      description: `exit ${code}; ${ended - (firstDrip as number)} ms from the first dripping reply to the end; ${proxy.dripped.length} dripping replies`,
    });
    expect(
      ended - (firstDrip as number),
      `ms from the first dripping reply to the run's end\n${output.slice(-3000)}`,
    ).toBeLessThan(AFTER_FIRST_DRIP_MS);
    expect(code, 'the run fails').not.toBe(0);

    const lines = output.split('\n').filter((l) => l.startsWith('zstack-conformance teardown: the run stopped early:'));
    expect(lines, output.slice(-3000)).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^zstack-conformance teardown: the run stopped early: the endpoint's replies never finish: GET /zstack/v1/\\S+ sent headers and \\d+ bytes?, then kept dripping past ZSTACK_REQUEST_TIMEOUT_MS=${REQUEST_BOUND_MS}(, and so did GET /zstack/v1/\\S+ \\(\\d+ bytes?\\))?$`,
      ),
    );

    expect(ref.stats().writes, 'the run created (and deleted) something through the proxy').toBeGreaterThan(0);
    expect(
      ref.resources().filter((r) => r.name.startsWith(`zc-${runId}-`)),
      `left on the reference server:\n${output.slice(-3000)}`,
    ).toEqual([]);
    expect(existsSync(runDir(runId)), 'the run directory goes once nothing of the run is left').toBe(false);
  } finally {
    killGroup(run);
    await proxy.close();
    await ref.close();
  }
});
