// Read-only mode, proven on a whole run: the conformance, property and pact projects with ZSTACK_READ_ONLY=true
// against a reference server in this process, which counts every call that could change its state. The count
// stays zero; every test that would write is reported as skipped with the reason; what cannot write still runs.
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { ReadOnlyViolation } from '../../src/safety/read-only.ts';
import { runDir } from '../../src/safety/run-dir.ts';
import { startReferenceServer } from '../../reference-server/server.ts';
import { killGroup, startNested } from '../../fixtures/nested-run.ts';

interface JsonTest {
  annotations: Array<{ type: string; description?: string }>;
  results: Array<{ status: string }>;
  projectName: string;
}
interface JsonSuite {
  title: string;
  specs?: Array<{ title: string; tests: JsonTest[] }>;
  suites?: JsonSuite[];
}
const specsOf = (s: JsonSuite): Array<{ title: string; test: JsonTest }> => [
  ...(s.specs ?? []).flatMap((sp) => sp.tests.map((t) => ({ title: sp.title, test: t }))),
  ...(s.suites ?? []).flatMap(specsOf),
];

test('the reference server counts the calls that could change it', async () => {
  const ref = await startReferenceServer({});
  try {
    const suite = await openSuite({ ...readConfig({}), baseUrl: ref.url });
    expect(ref.stats().writes).toBe(0);
    const kit = new ResourceKit(suite.zs);
    await kit.organization();
    await kit.cleanup();
    expect(ref.stats().writes).toBe(2);
    await suite.close();
  } finally {
    await ref.close();
  }
});

test('the read-only guard refuses creates and deletes before they are sent', async () => {
  const ref = await startReferenceServer({});
  try {
    const suite = await openSuite({ ...readConfig({ ZSTACK_READ_ONLY: 'true' }), baseUrl: ref.url }, { forRun: true });
    const err = await new ResourceKit(suite.zs).organization().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadOnlyViolation);
    expect(ref.stats().writes).toBe(0);
    await suite.close();
  } finally {
    await ref.close();
  }
});

test('with ZSTACK_READ_ONLY=true a whole run makes no write on the target and skips every test that would, saying why', async () => {
  test.setTimeout(180_000);
  const ref = await startReferenceServer({});
  const out = mkdtempSync(join(tmpdir(), 'zc-read-only-'));
  const runId = `ro${Date.now().toString(36).slice(-6)}`;
  // --no-deps: the pact consumer tests need no target, and the provider verification is skipped anyway
  const run = startNested(
    'repo',
    [
      '--project=conformance',
      '--project=protocol',
      '--project=derived',
      '--project=properties',
      '--project=pact',
      '--no-deps',
      '--reporter=json',
      `--output=${out}`,
    ],
    {
      ZSTACK_BASE_URL: ref.url,
      ZSTACK_PASSWORD: 'password',
      ZSTACK_READ_ONLY: 'true',
      ZSTACK_RUN_ID: runId,
      PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'read-only.json'),
    },
  );
  try {
    const timer = setTimeout(() => killGroup(run), 150_000);
    const code = await run.exited;
    clearTimeout(timer);
    expect(code, run.output().slice(-3000)).toBe(0);
    expect(ref.stats().writes, 'calls that could change the target').toBe(0);
    expect(ref.resources()).toEqual([]);
    expect(existsSync(runDir(runId)), 'no ledger: nothing was even announced').toBe(false);
    const report = JSON.parse(readFileSync(join(out, 'read-only.json'), 'utf8')) as { suites: JsonSuite[] };
    const all = report.suites.flatMap(specsOf);
    const status = (t: JsonTest) => t.results.at(-1)?.status;
    const skipped = all.filter((s) => status(s.test) === 'skipped');
    const passed = all.filter((s) => status(s.test) === 'passed');
    expect(all.filter((s) => !['skipped', 'passed'].includes(status(s.test) ?? '')).map((s) => s.title)).toEqual([]);
    for (const s of skipped) {
      expect(s.test.annotations.find((a) => a.type === 'skip')?.description ?? '', s.title).toContain(
        'ZSTACK_READ_ONLY=true: this test creates or changes resources on the target',
      );
    }
    expect(skipped.some((s) => s.test.projectName === 'properties')).toBe(true);
    expect(skipped.some((s) => s.test.projectName === 'protocol')).toBe(true);
    expect(skipped.some((s) => s.test.projectName === 'derived')).toBe(true);
    expect(skipped.some((s) => s.test.projectName === 'pact')).toBe(true);
    expect(passed.map((s) => s.title)).toEqual(
      expect.arrayContaining([
        'LogInByAccount opens a session that LogOut ends',
        'Every state event and update is refused before it can touch anything: wrong action key, no Authorization, unknown session',
      ]),
    );
  } finally {
    killGroup(run);
    await ref.close();
  }
});
