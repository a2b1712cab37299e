// `zstack-conformance diff` end to end, from an empty folder: the embedded server against a copy of it started with a
// fault mode exits 1 and names the API, the step and the field; against a conformant variant (read from the clean
// side's recording, so that side is not run again) exits 0; allowed changes do not fail it; a recording against
// itself shows no difference at all.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, REPO, runBounded } from '../../fixtures/nested-run.ts';

const BIN = join(REPO, 'bin', 'zstack-conformance.mjs');
const SAMPLE = 'ChangeIAM2OrganizationState moves|sweep QueryVmInstance @|random lifecycles';

test('diff: a fault mode is a change naming API, step and field; a conformant variant and the same run are none', async () => {
  test.setTimeout(300_000);
  const folder = mkdtempSync(join(tmpdir(), 'zc-diff-'));
  const settings = (name: string, lines: string[]): string => {
    writeFileSync(join(folder, name), [...lines, 'ZSTACK_NUM_RUNS=4', ''].join('\n'));
    return name;
  };
  const clean = settings('clean.env', ['# the embedded reference server, as it is']);
  const faulty = settings('faulty.env', ['ZSTACK_REF_FAULTS=state-event-renames']);
  const variant = settings('variant.env', ['ZSTACK_REF_VARIANT=java9-dates']);
  const env = cleanEnv('repo', { TMPDIR: folder });
  const diff = (...args: string[]) => runBounded([BIN, 'diff', ...args, '--workers', '2'], folder, env, 150_000);

  const broken = await diff(clean, faulty, '--grep', SAMPLE);
  expect(broken.status, broken.stdout.slice(-3000) + broken.stderr).toBe(1);
  expect(broken.stdout).toMatch(
    /^CHANGE ChangeIAM2OrganizationState .* step \d+ inventory\.name: "zc-[^"]*" → "zc-[^"]* \(renamed\)"/m,
  );
  const report = JSON.parse(readFileSync(join(folder, 'reports', 'diff', 'diff.json'), 'utf8')) as {
    differences: Array<{ class: string; api: string }>;
  };
  expect(report.differences.some((d) => d.class === 'change' && d.api === 'ChangeIAM2OrganizationState')).toBe(true);
  expect(readFileSync(join(folder, 'reports', 'diff', 'diff.html'), 'utf8')).toContain('curl');

  const recordings = join(folder, 'reports', 'recordings');
  const cleanRun = join(recordings, readdirSync(recordings).find((d) => d.endsWith('a')) ?? 'none');
  const faultyRun = join(recordings, readdirSync(recordings).find((d) => d.endsWith('b')) ?? 'none');
  writeFileSync(join(folder, 'allow.txt'), '* *  the renaming is looked at and accepted here\n');
  const allowed = await diff(cleanRun, faultyRun, '--allow', 'allow.txt');
  expect(allowed.status, allowed.stdout.slice(-2000) + allowed.stderr).toBe(0);
  expect(allowed.stdout).toMatch(
    /^ALLOWED ChangeIAM2OrganizationState .*\(the renaming is looked at and accepted here; /m,
  );
  expect(allowed.stdout).not.toMatch(/^CHANGE /m);
  const conformant = await diff(cleanRun, variant);
  expect(conformant.status, conformant.stdout.slice(-3000) + conformant.stderr).toBe(0);
  expect(conformant.stdout).not.toMatch(/^CHANGE /m);
  expect(conformant.stdout).toMatch(/informational/);

  const same = await diff(cleanRun, cleanRun);
  expect(same.status, same.stdout + same.stderr).toBe(0);
  expect(same.stdout).toMatch(/0 change\(s\), 0 allowed, 0 informational/);
  rmSync(folder, { recursive: true, force: true });
});

test('diff: a side that is neither a settings file nor a recording, or an allow list line without a reason, is one line and exit 2', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'zc-diff-'));
  const env = cleanEnv('repo', { TMPDIR: folder });
  const missing = await runBounded([BIN, 'diff', 'nowhere.env', 'nowhere-too'], folder, env, 30_000);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe('diff: nowhere.env: no such file or folder (a recording folder or a settings file)\n');
  writeFileSync(join(folder, 'x.env'), '');
  const empty = mkdtempSync(join(folder, 'empty-'));
  const none = await runBounded([BIN, 'diff', empty, 'x.env'], folder, env, 30_000);
  expect(none.status).toBe(2);
  expect(none.stderr).toMatch(/^diff: .*no recording in it \(\*\.jsonl files\)\n$/);
  writeFileSync(join(folder, 'allow.txt'), '# accepted changes\nQueryVm* inventories[*].state\n');
  const noReason = await runBounded([BIN, 'diff', 'x.env', 'x.env', '--allow', 'allow.txt'], folder, env, 30_000);
  expect(noReason.status).toBe(2);
  expect(noReason.stderr).toMatch(/^diff: allow list .*allow\.txt:2: expected .*\(no reason\)\n$/);
  rmSync(folder, { recursive: true, force: true });
});
