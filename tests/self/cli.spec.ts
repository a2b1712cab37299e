// The installed command, bin/zstack-conformance.mjs: every subcommand answers --help with an example and a bogus
// flag with one line and exit 2; --help lists every subcommand; and a run started from an empty folder outside the
// repository (no .env) passes against the embedded server and writes its reports/ there, not into the package.
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, REPO, runBounded, type BoundedRun } from '../../fixtures/nested-run.ts';
import { SUBCOMMANDS } from '../../scripts/cli/subcommands.ts';

const BIN = join(REPO, 'bin', 'zstack-conformance.mjs');
const CLOSED_PORT = 'http://127.0.0.1:9';

/** The command in `cwd`, in its own process group, killed with its children after `limitMs`. */
function zc(cwd: string, env: Record<string, string>, limitMs: number, ...args: string[]): Promise<BoundedRun> {
  return runBounded([BIN, ...args], cwd, cleanEnv('repo', { TMPDIR: cwd, ...env }), limitMs);
}

let folder: string;
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'zc-cli-'));
});
test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('--help lists every subcommand, one line each', async () => {
  const r = await zc(folder, {}, 30_000, '--help');
  expect(r.status).toBe(0);
  for (const s of SUBCOMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${s.name} +\\S`, 'm'));
  expect(r.stdout).toMatch(/^example: zstack-conformance /m);
});

test('every subcommand answers --help with an example, and a bogus flag with one line and exit 2', async () => {
  test.setTimeout(240_000);
  // the target a closed port: a subcommand that started its work instead of answering reaches nothing
  const env = { ZSTACK_BASE_URL: CLOSED_PORT };
  for (const s of SUBCOMMANDS) {
    const help = await zc(folder, env, 30_000, s.name, '--help');
    expect(help.status, `${s.name} --help: ${help.stderr}`).toBe(0);
    expect(help.stdout, s.name).toMatch(/^usage: /);
    expect(help.stdout, s.name).toMatch(/^example: \S/m);
    const bogus = await zc(folder, env, 30_000, s.name, '--bogus-flag');
    expect(bogus.status, s.name).toBe(2);
    expect(bogus.stdout, s.name).toBe('');
    expect(bogus.stderr.trimEnd().split('\n'), s.name).toHaveLength(1);
    expect(bogus.stderr, s.name).toContain('--bogus-flag');
  }
});

test('an unknown subcommand is one line and exit 2', async () => {
  const r = await zc(folder, {}, 30_000, 'frobnicate');
  expect(r).toEqual({
    status: 2,
    stdout: '',
    stderr: 'zstack-conformance: unknown subcommand frobnicate (see --help)\n',
  });
});

test('run from an empty folder outside the repository passes against the embedded server, reports there', async () => {
  test.setTimeout(180_000);
  // the package's own reports/ may hold a report of a run in the repository itself: it must stay as it was
  const inRepo = join(REPO, 'reports', 'results.json');
  const before = existsSync(inRepo) ? statSync(inRepo).mtimeMs : undefined;
  const r = await zc(folder, {}, 150_000, 'run', '--grep', 'An unknown API path answers 404', '--workers', '1');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/2 passed/);
  expect(existsSync(join(folder, 'reports', 'results.json'))).toBe(true);
  expect(existsSync(join(folder, 'reports', 'junit.xml'))).toBe(true);
  expect(existsSync(inRepo) ? statSync(inRepo).mtimeMs : undefined).toBe(before);
});
