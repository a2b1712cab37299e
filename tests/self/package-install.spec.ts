// The package as a user gets it: `npm pack`, then `npm install <tarball>` into an empty folder, and there the
// installed command (node_modules/.bin/zstack-conformance, no clone, no .env) lists every subcommand, runs the
// whole conformance run against the embedded server with its reports and recording in that folder, replays the
// recording, and certifies with a bundle that `verify` accepts. A folder left out of package.json's `files`, a
// runtime package left in devDependencies, or TypeScript the installed Playwright cannot load fails it.
import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, REPO, runBounded, type BoundedRun } from '../../fixtures/nested-run.ts';
import { CONFORMANCE_PROJECTS } from '../../scripts/cli/run-command.ts';
import { SUBCOMMANDS } from '../../scripts/cli/subcommands.ts';

interface ReportSuite {
  suites?: ReportSuite[];
  specs?: Array<{ tests: Array<{ projectName: string }> }>;
}
interface Report extends ReportSuite {
  stats: { expected: number; unexpected: number };
}

/** The projects that ran at least one test, from Playwright's JSON report. */
function projectsRun(suite: ReportSuite, into = new Set<string>()): Set<string> {
  for (const spec of suite.specs ?? []) for (const t of spec.tests) into.add(t.projectName);
  for (const child of suite.suites ?? []) projectsRun(child, into);
  return into;
}

let folder: string;
test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'zc-package-'));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('the packed tarball installs into an empty folder and runs, certifies and verifies there', async () => {
  test.setTimeout(480_000);
  const packed = join(folder, 'packed');
  const installed = join(folder, 'installed');
  const tmp = join(folder, 'tmp');
  for (const dir of [packed, installed, tmp]) mkdirSync(dir);
  // as a user starts it: none of the outer run's settings, nor the npm_* of an outer `npm test`
  const env = Object.fromEntries(
    Object.entries(cleanEnv('repo', { TMPDIR: tmp, ZSTACK_RUN_ID: 'installed' })).filter(([k]) => !/^npm_/i.test(k)),
  );
  const npm = (cwd: string, limitMs: number, ...args: string[]): Promise<BoundedRun> =>
    runBounded(args, cwd, env, limitMs, 'npm');
  const zc = (limitMs: number, ...args: string[]): Promise<BoundedRun> =>
    runBounded([join(installed, 'node_modules', '.bin', 'zstack-conformance'), ...args], installed, env, limitMs);
  const said = (r: BoundedRun): string => r.stdout + r.stderr;

  await test.step('npm pack', async () => {
    const r = await npm(REPO, 60_000, 'pack', '--pack-destination', packed, '--silent');
    expect(r.status, said(r)).toBe(0);
  });
  await test.step('npm install of the tarball (the cache of the npm ci before)', async () => {
    const [tarball] = readdirSync(packed);
    const r = await npm(
      installed,
      180_000,
      'install',
      '--prefix',
      installed,
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      join(packed, tarball ?? 'none'),
    );
    expect(r.status, said(r)).toBe(0);
  });
  await test.step('--help lists every subcommand', async () => {
    const r = await zc(30_000, '--help');
    expect(r.status, said(r)).toBe(0);
    for (const s of SUBCOMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${s.name} +\\S`, 'm'));
  });
  await test.step('run: every project of the conformance run passes, reports and recording in the folder', async () => {
    const r = await zc(240_000, 'run', '--workers', '2', '--record');
    expect(r.status, said(r).slice(-4000)).toBe(0);
    const report = JSON.parse(readFileSync(join(installed, 'reports', 'results.json'), 'utf8')) as Report;
    expect(report.stats.unexpected).toBe(0);
    expect([...projectsRun(report)].sort()).toEqual(['target', 'pact-consumer', ...CONFORMANCE_PROJECTS].sort());
  });
  await test.step("replay judges the run's recording again, with no endpoint, and it passes again", async () => {
    const r = await zc(120_000, 'replay', join('reports', 'recordings', 'installed'));
    expect(r.status, said(r).slice(-4000)).toBe(0);
    const report = JSON.parse(readFileSync(join(installed, 'reports', 'replay', 'results.json'), 'utf8')) as Report;
    expect(report.stats.unexpected).toBe(0);
    expect(report.stats.expected).toBeGreaterThan(300);
  });
  await test.step('certify writes a bundle that verify accepts', async () => {
    // narrowed like certify-run.spec.ts: the run above already ran every test the certification would
    const c = await zc(120_000, 'certify', '--grep', 'LogInByAccount opens|@pact', '--', '--workers=2');
    expect(c.status, said(c).slice(-4000)).toBe(0);
    const bundle = join(installed, 'reports', 'certification');
    expect(existsSync(join(bundle, 'manifest.json'))).toBe(true);
    const v = await zc(30_000, 'verify', bundle);
    expect(v.status, said(v)).toBe(0);
    expect(v.stdout).toMatch(/^verdict: PASSED$/m);
  });
});
