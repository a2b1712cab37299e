// No secret in any output: the whole conformance run (conformance, protocol, derived, properties and pact projects),
// recorded, against the embedded reference server with two fault modes (so failures are reported too) and a canary
// password, in a copy of the project so that every file the run writes is there (reports, JUnit, JSON, HTML with its
// embedded data, attachments, pacts, traces, recordings, temp files through TMPDIR). Every file and everything
// printed is searched for the password, its SHA-512 (either case) and every session id the reference server issued
// (it logs them to ZSTACK_REF_SESSION_LOG).
import { test, expect } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killGroup, makeSandbox, startNested } from '../../fixtures/nested-run.ts';
import { allTexts } from '../../fixtures/search-files.ts';

test('a whole run with a canary password writes and prints neither it, nor its SHA-512, nor any session id', async () => {
  test.setTimeout(300_000);
  const canary = `canary-${randomBytes(8).toString('hex')}`;
  const sha = createHash('sha512').update(canary, 'utf8').digest('hex');
  const sessionLog = join(mkdtempSync(join(tmpdir(), 'zc-sessions-')), 'sessions.txt');
  const sandbox = makeSandbox();
  const run = startNested(
    sandbox,
    ['--project=conformance', '--project=protocol', '--project=derived', '--project=properties', '--project=pact'],
    {
      ZSTACK_PASSWORD: canary,
      ZSTACK_REF_PASSWORD: canary,
      ZSTACK_REF_SESSION_LOG: sessionLog,
      // a few cases per property keep this test short; every kind of output is still written
      ZSTACK_NUM_RUNS: '2',
      // faults that make checks fail in every project, so failure reports (curl lines, exchanges with the login
      // body and Authorization headers, property reports, pact mismatches) are written too, not only passes
      ZSTACK_REF_FAULTS: 'bad-session-accepted,state-event-renames',
      // recordings hold every judged exchange, login bodies and Authorization headers included
      ZSTACK_RECORD: 'true',
      ZSTACK_RUN_ID: 'canary',
    },
  );
  try {
    const timer = setTimeout(() => killGroup(run), 270_000);
    const code = await run.exited;
    clearTimeout(timer);
    expect(code, run.output().slice(-3000)).toBe(1);
    expect(run.output()).toContain('✗ invalidSessionRejected [required]');
    expect(run.output()).toMatch(/Reproduce: curl /);
  } finally {
    killGroup(run);
  }
  const sessions = readFileSync(sessionLog, 'utf8').split('\n').filter(Boolean);
  // the run logged in (workers, the session scenario, the pact verification)
  expect(sessions.length).toBeGreaterThanOrEqual(3);
  for (const f of [
    'reports/results.json',
    'reports/junit.xml',
    'reports/html/index.html',
    'reports/pacts/zstack-conformance-zstack.json',
    'reports/recordings/canary',
  ]) {
    expect(existsSync(join(sandbox.dir, f)), f).toBe(true);
  }
  const texts = [{ where: "the run's terminal output", text: run.output() }, ...allTexts(sandbox.dir)];
  expect(
    texts.some((t) => t.where.includes('embedded-zip')),
    "the HTML report's data was opened",
  ).toBe(true);
  const secrets = [
    ['the password', canary],
    ['its SHA-512', sha],
    ['its SHA-512 in upper case', sha.toUpperCase()],
    ...sessions.map((s) => ['a session id', s]),
  ];
  const found: string[] = [];
  for (const t of texts) for (const [what, s] of secrets) if (t.text.includes(s)) found.push(`${what} in ${t.where}`);
  expect(found).toEqual([]);
  rmSync(sandbox.dir, { recursive: true, force: true }); // kept when the test fails, to look at
});
