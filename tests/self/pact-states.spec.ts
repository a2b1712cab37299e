// The suite's pacts verified by the pact-cli's own `pact-verifier` (no code of ours in the loop but the
// provider-state service, `npm run pact:states`) against the embedded reference server:
//  - the interactions with provider states, with the session passed as a custom header (-H) that replaces the
//    pact's placeholder Authorization;
//  - the two session-error interactions (ID.1001 unknown session, no Authorization) without that header, since
//    it would replace their deliberately bad session too;
//  - LogInByAccount cannot be verified by a tool that only sends the pact: its password is a placeholder hash.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer, type ReferenceServer } from '../../reference-server/server.ts';
import { readConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { generatePacts } from '../../src/pact/consumer.ts';

test.describe.configure({ timeout: 120_000 });

/** The interactions a verifier cannot replay with a custom session header (they must keep their own). */
const SESSION_ERRORS = 'ID\\.1001|without an Authorization header';

function waitForLine(child: ChildProcess, re: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no "${re}" within ${timeoutMs} ms: ${out}`)), timeoutMs);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

interface VerifierReport {
  result?: boolean;
  interactionResults?: Array<{ description: string; result: string }>;
}

test("pact-verifier verifies the suite's pacts against the embedded server with the provider-state service", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-pact-states-'));
  let ref: ReferenceServer | undefined;
  let states: ChildProcess | undefined;
  try {
    const pact = await generatePacts(loadValidatedContracts(), dir);
    const interactions = (
      JSON.parse(readFileSync(pact, 'utf8')) as {
        interactions: Array<{ description: string; providerStates?: unknown[] }>;
      }
    ).interactions;
    ref = await startReferenceServer({});
    const port = new URL(ref.url).port;
    const sessionFile = join(dir, 'session');
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(ZSTACK_|PLAYWRIGHT_|TEST_)/.test(k)) env[k] = v;
    states = spawn(process.execPath, ['--import', 'tsx', 'scripts/pact-states.ts'], {
      env: {
        ...env,
        ZSTACK_ENV_FILE: join(dir, 'no.env'),
        ZSTACK_BASE_URL: ref.url,
        ZSTACK_PASSWORD: 'password',
        ZSTACK_RUN_ID: 'pactstates',
        ZSTACK_PACT_SESSION_FILE: sessionFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stateUrl = (await waitForLine(states, /Listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000))[1];
    const session = readFileSync(sessionFile, 'utf8').trim();
    expect(session).toMatch(/^[0-9a-f]{32}$/);

    const verifier = (extra: string[], report: string) =>
      run(
        [
          'npx',
          'pact-verifier',
          '-f',
          pact,
          '-h',
          '127.0.0.1',
          '-p',
          port,
          '--no-colour',
          '-j',
          join(dir, report),
          ...extra,
        ],
        { ...env, PACT_DO_NOT_TRACK: 'true' },
      );
    const withStates = await verifier(
      [
        '-H',
        `Authorization=OAuth ${session}`,
        '--state-change-url',
        stateUrl,
        '--state-change-teardown',
        '--filter-state',
        '.',
      ],
      'states.json',
    );
    expect(withStates.code, withStates.out.slice(-3000)).toBe(0);
    const sessionErrors = await verifier(['--filter-description', SESSION_ERRORS], 'session-errors.json');
    expect(sessionErrors.code, sessionErrors.out.slice(-3000)).toBe(0);

    const verified = [join(dir, 'states.json'), join(dir, 'session-errors.json')].flatMap(
      (f) => (JSON.parse(readFileSync(f, 'utf8')) as VerifierReport).interactionResults ?? [],
    );
    expect(verified.filter((r) => r.result !== 'OK')).toEqual([]);
    // every interaction but the login's was verified by pact-verifier
    const login = interactions
      .filter((i) => !i.providerStates?.length && !new RegExp(SESSION_ERRORS).test(i.description))
      .map((i) => i.description);
    expect(login).toEqual([expect.stringMatching(/^LogInByAccount/)]);
    expect(verified.map((r) => r.description).sort()).toEqual(
      interactions
        .map((i) => i.description)
        .filter((d) => !login.includes(d))
        .sort(),
    );

    // stopping the service deletes what the states made (teardown already did after each interaction)
    states.kill('SIGTERM');
    await new Promise((r) => states?.once('exit', r));
    states = undefined;
    const suite = await openSuite({ ...readConfig({}), baseUrl: ref.url });
    const orgs = (await suite.zs.query('QueryIAM2Organization')).final.json as { inventories?: unknown[] };
    await suite.close();
    expect(orgs.inventories ?? []).toEqual([]);
  } finally {
    states?.kill('SIGTERM');
    await ref?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
