// Configuration: every bad value is refused with one line naming the variable, and a bad .env stops a real
// Playwright run before any test, with that line and no stack trace.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError, readConfig, describeConfig } from '../../src/config.ts';
import { DEFAULT_WORKERS, runWorkers } from '../../src/run-workers.ts';

const refused = (env: Record<string, string>, variable: string) => {
  let err: unknown;
  try {
    readConfig(env);
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${variable} to be refused`).toBeInstanceOf(ConfigError);
  expect((err as ConfigError).variable).toBe(variable);
  expect((err as Error).message.split('\n')).toHaveLength(1);
};

test('defaults target the embedded server', () => {
  const c = readConfig({});
  expect(c.embedded).toBe(true);
  expect(c.baseUrl).toBeUndefined();
  expect(readConfig({ ZSTACK_REF_PORT: '4567' }).baseUrl).toBe('http://127.0.0.1:4567');
  expect(c.depth).toBe('quick');
});

test('a base URL is normalised and needs a password', () => {
  expect(readConfig({ ZSTACK_BASE_URL: 'http://h:8080/zstack/v1/', ZSTACK_PASSWORD: 'p' }).baseUrl).toBe(
    'http://h:8080',
  );
  expect(
    readConfig({ ZSTACK_BASE_URL: 'https://gw.example/prefix', ZSTACK_PASSWORD_SHA512: 'a'.repeat(128) }).baseUrl,
  ).toBe('https://gw.example/prefix');
  refused({ ZSTACK_BASE_URL: 'http://h:8080' }, 'ZSTACK_PASSWORD');
});

test('malformed values name their variable', () => {
  refused({ ZSTACK_BASE_URL: 'zstack:8080x y', ZSTACK_PASSWORD: 'p' }, 'ZSTACK_BASE_URL');
  refused({ ZSTACK_BASE_URL: 'ftp://h', ZSTACK_PASSWORD: 'p' }, 'ZSTACK_BASE_URL');
  refused({ ZSTACK_BASE_URL: 'http://u:secret@h', ZSTACK_PASSWORD: 'p' }, 'ZSTACK_BASE_URL');
  refused({ ZSTACK_REQUEST_TIMEOUT_MS: 'soon' }, 'ZSTACK_REQUEST_TIMEOUT_MS');
  refused({ ZSTACK_JOB_TIMEOUT_MS: '0' }, 'ZSTACK_JOB_TIMEOUT_MS');
  refused({ ZSTACK_POLL_INTERVAL_MS: '90000', ZSTACK_JOB_TIMEOUT_MS: '1000' }, 'ZSTACK_POLL_INTERVAL_MS');
  refused({ ZSTACK_TARGET_VERSION: '5.0' }, 'ZSTACK_TARGET_VERSION');
  refused({ ZSTACK_PASSWORD_SHA512: 'abc' }, 'ZSTACK_PASSWORD_SHA512');
  refused({ ZSTACK_FLOW_APPROVER_UUID: 'A-B' }, 'ZSTACK_FLOW_APPROVER_UUID');
  refused({ ZSTACK_DEPTH: 'medium' }, 'ZSTACK_DEPTH');
  refused({ ZSTACK_SEED: '1.5' }, 'ZSTACK_SEED');
  refused({ ZSTACK_RUN_ID: 'Has Space' }, 'ZSTACK_RUN_ID');
  refused({ ZSTACK_BASE_ULR: 'http://h' }, 'ZSTACK_BASE_ULR');
});

test('the configuration as reported carries no password', () => {
  const shown = JSON.stringify(
    describeConfig(readConfig({ ZSTACK_BASE_URL: 'http://h', ZSTACK_PASSWORD: 'hunter2-secret' })),
  );
  expect(shown).not.toContain('hunter2-secret');
  expect(shown).toContain('[REDACTED]');
});

/**
 * `playwright test --list` with only this .env file (none of the outer run's ZSTACK_ variables): exit code and output.
 */
function listWithEnvFile(text: string): { status: number | null; out: string } {
  const envFile = join(mkdtempSync(join(tmpdir(), 'zc-env-')), '.env');
  writeFileSync(envFile, text);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('ZSTACK_')) env[k] = v;
  const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--list'], {
    env: { ...env, ZSTACK_ENV_FILE: envFile },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`.trim() };
}

test('a bad .env stops the Playwright run before any test with one clear line', () => {
  const { status, out } = listWithEnvFile(
    'ZSTACK_BASE_URL=http://127.0.0.1:9\nZSTACK_PASSWORD=hunter2-secret\nZSTACK_JOB_TIMEOUT_MS=ten\n',
  );
  expect(status).toBe(2);
  expect(out).toBe(
    'zstack-conformance: configuration error: ZSTACK_JOB_TIMEOUT_MS: expected a whole number from 100 to 86400000, got "ten"',
  );
  expect(out).not.toContain('hunter2-secret');
});

test('the worker count that shares the load bound: the command line wins, then ZSTACK_WORKERS, then the default', () => {
  expect(runWorkers({}, [])).toBe(DEFAULT_WORKERS);
  expect(runWorkers({ ZSTACK_WORKERS: '2' }, ['test'])).toBe(2);
  expect(runWorkers({ ZSTACK_WORKERS: '2' }, ['test', '--workers=3'])).toBe(3);
  expect(runWorkers({}, ['test', '--workers', '5'])).toBe(5);
  expect(runWorkers({}, ['test', '-j', '6'])).toBe(6);
  expect(runWorkers({}, ['test', '-j7'])).toBe(7);
  expect(runWorkers({}, ['test', '--workers=100%'])).toBe(availableParallelism());
  for (const bad of ['0', 'many', '65', '-1']) {
    let err: unknown;
    try {
      runWorkers({ ZSTACK_WORKERS: bad }, []);
    } catch (e) {
      err = e;
    }
    expect(err, `ZSTACK_WORKERS=${bad}`).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('ZSTACK_WORKERS');
  }
});

test('a bad ZSTACK_WORKERS in .env stops a real run with one line', () => {
  const { status, out } = listWithEnvFile('ZSTACK_WORKERS=none\n');
  expect(status).toBe(2);
  expect(out).toBe(
    'zstack-conformance: configuration error: ZSTACK_WORKERS: expected a whole number from 1 to 64 or a percentage of the cores, got "none"',
  );
});

test('ZSTACK_WEB_HOOK_BASE: loopback for a target on this machine, off for another, a URL base with a port', () => {
  expect(readConfig({}).webHookBase).toBe('loopback');
  expect(readConfig({ ZSTACK_BASE_URL: 'http://127.0.0.1:8080', ZSTACK_PASSWORD: 'p' }).webHookBase).toBe('loopback');
  expect(readConfig({ ZSTACK_BASE_URL: 'http://zstack.example:8080', ZSTACK_PASSWORD: 'p' }).webHookBase).toBe('off');
  expect(readConfig({ ZSTACK_WEB_HOOK_BASE: 'off' }).webHookBase).toBe('off');
  expect(
    readConfig({
      ZSTACK_BASE_URL: 'http://zstack.example:8080',
      ZSTACK_PASSWORD: 'p',
      ZSTACK_WEB_HOOK_BASE: 'http://suite:9000/',
    }).webHookBase,
  ).toBe('http://suite:9000');
  refused({ ZSTACK_WEB_HOOK_BASE: 'http://suite' }, 'ZSTACK_WEB_HOOK_BASE');
  refused({ ZSTACK_WEB_HOOK_BASE: 'ftp://suite:21' }, 'ZSTACK_WEB_HOOK_BASE');
  refused({ ZSTACK_WEB_HOOK_BASE: 'nonsense' }, 'ZSTACK_WEB_HOOK_BASE');
});

test('cases in flight and the property time guard are bounded whole numbers', () => {
  // by default a worker keeps its share of the run's in-flight bound busy, at most 16 cases
  expect(readConfig({}).casesInFlight).toBe(16);
  expect(readConfig({ ZSTACK_RUN_WORKERS: '4' }).casesInFlight).toBe(16);
  expect(readConfig({ ZSTACK_RUN_WORKERS: '16' }).casesInFlight).toBe(4);
  expect(
    readConfig({ ZSTACK_BASE_URL: 'http://h:8080', ZSTACK_PASSWORD: 'p', ZSTACK_RUN_WORKERS: '4' }).casesInFlight,
  ).toBe(2);
  expect(
    readConfig({ ZSTACK_BASE_URL: 'http://h:8080', ZSTACK_PASSWORD: 'p', ZSTACK_RUN_WORKERS: '16' }).casesInFlight,
  ).toBe(1);
  expect(
    readConfig({
      ZSTACK_BASE_URL: 'http://h:8080',
      ZSTACK_PASSWORD: 'p',
      ZSTACK_MAX_IN_FLIGHT: '24',
      ZSTACK_RUN_WORKERS: '2',
    }).casesInFlight,
  ).toBe(12);
  expect(readConfig({}).propertyTimeGuardMs).toBeUndefined();
  expect(readConfig({ ZSTACK_CASES_IN_FLIGHT: '1', ZSTACK_PROPERTY_TIME_GUARD_MS: '90000' })).toMatchObject({
    casesInFlight: 1,
    propertyTimeGuardMs: 90_000,
  });
  refused({ ZSTACK_CASES_IN_FLIGHT: '0' }, 'ZSTACK_CASES_IN_FLIGHT');
  refused({ ZSTACK_CASES_IN_FLIGHT: '65' }, 'ZSTACK_CASES_IN_FLIGHT');
  refused({ ZSTACK_CASES_IN_FLIGHT: 'many' }, 'ZSTACK_CASES_IN_FLIGHT');
  refused({ ZSTACK_PROPERTY_TIME_GUARD_MS: '10' }, 'ZSTACK_PROPERTY_TIME_GUARD_MS');
});

test('ZSTACK_PROFILE_AREAS is a comma list of area slugs, empty when unset', () => {
  expect(readConfig({}).profileAreas).toEqual([]);
  expect(readConfig({ ZSTACK_PROFILE_AREAS: ' iam2, vm ,iam2' }).profileAreas).toEqual(['iam2', 'vm']);
  refused({ ZSTACK_PROFILE_AREAS: 'iam2,VM' }, 'ZSTACK_PROFILE_AREAS');
  refused({ ZSTACK_PROFILE_AREAS: 'iam2,,vm' }, 'ZSTACK_PROFILE_AREAS');
});
