// Suite configuration: process environment > .env (dotenv) > defaults. Every variable is listed in
// .env.example and in the README's configuration table; a bad value stops the run with one line naming it.
import { config as loadDotenv } from 'dotenv';
import { ConfigError } from './config-error.ts';
import { flag, readSafetySettings, SAFETY_VARIABLES, type SafetySettings } from './safety-settings.ts';

export { ConfigError };

export type Depth = 'quick' | 'deep';

export interface SuiteConfig extends SafetySettings {
  /** origin of the target, without /zstack; undefined = the embedded reference server */
  baseUrl: string | undefined;
  embedded: boolean;
  accountName: string;
  /** exactly one of password / passwordSha512 is set */
  password: string | undefined;
  passwordSha512: string | undefined;
  targetVersion: string;
  requestTimeoutMs: number;
  jobTimeoutMs: number;
  pollIntervalMs: number;
  maxResponseBytes: number;
  /** an existing virtual ID the target accepts as approver of a flow collection's last flow */
  flowApproverUuid: string | undefined;
  runId: string;
  depth: Depth;
  numRuns: number | undefined;
  seed: number | undefined;
  replayPath: string | undefined;
  /**
   * Where the target reaches the suite's web-hook receiver: 'loopback' (a free port on 127.0.0.1), a URL base
   * (the receiver listens on 127.0.0.1 at its port, e.g. behind a forwarded port), or 'off' (not applicable).
   */
  webHookBase: string;
  /**
   * independent property cases, fixture rows and pact states set up at once (not a request-rate bound); default:
   * defaultCasesInFlight
   */
  casesInFlight: number;
  /** undefined: the depth's default guard */
  propertyTimeGuardMs: number | undefined;
  /** ZSTACK_PROFILE_AREAS: the API areas the target declares it covers; a query of one it does not serve fails */
  profileAreas: string[];
  /** ZSTACK_RECORD: write every judged exchange to reports/recordings/<runId>/ (src/recording) */
  record: boolean;
}

type Env = Record<string, string | undefined>;

const VERSION = /^\d+\.\d+\.\d+$/;
const UUID = /^[0-9a-f]{32}$/;

function text(env: Env, name: string): string | undefined {
  const v = env[name];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function positiveInt(env: Env, name: string, dflt: number, min = 1, max = 86_400_000): number {
  const v = text(env, name);
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${v}"`);
  }
  return Number(v);
}

function optionalInt(env: Env, name: string): number | undefined {
  const v = text(env, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
    throw new ConfigError(name, `expected a whole number, got "${v}"`);
  return Number(v);
}

const AREA = /^[a-z0-9][a-z0-9-]*$/;

/** A comma list of area slugs (iam2, vm, ...); empty = none declared. */
function areasOf(env: Env, name: string): string[] {
  const v = text(env, name);
  if (v === undefined) return [];
  const areas = v.split(',').map((a) => a.trim());
  const bad = areas.find((a) => !AREA.test(a));
  if (bad !== undefined)
    throw new ConfigError(name, `expected a comma list of lower-case area slugs like iam2,vm, got "${bad}"`);
  return [...new Set(areas)];
}

function baseUrlOf(env: Env): string | undefined {
  const v = text(env, 'ZSTACK_BASE_URL');
  if (v === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError('ZSTACK_BASE_URL', `not a URL: "${v}" (expected e.g. http://zstack.example:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('ZSTACK_BASE_URL', `expected http:// or https://, got "${url.protocol}"`);
  if (url.username || url.password)
    throw new ConfigError('ZSTACK_BASE_URL', 'must not contain credentials; use ZSTACK_ACCOUNT and ZSTACK_PASSWORD');
  if (url.search || url.hash) throw new ConfigError('ZSTACK_BASE_URL', 'must not contain a query or fragment');
  // The suite adds /zstack/v1/...; accept a base that already names the prefix.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/zstack(\/v1)?$/, '');
  return `${url.origin}${path}`;
}

/** Reads the configuration from `env` (default: process.env after loading .env). Throws ConfigError. */
export function readConfig(env: Env): SuiteConfig {
  rejectUnknownVariables(env);
  const baseUrl = baseUrlOf(env);
  const embedded = baseUrl === undefined;
  const refPort = text(env, 'ZSTACK_REF_PORT');
  if (embedded && refPort !== undefined && !/^\d+$/.test(refPort))
    throw new ConfigError('ZSTACK_REF_PORT', `expected a port number, got "${refPort}"`);

  const password = env['ZSTACK_PASSWORD'];
  const passwordSha512 = text(env, 'ZSTACK_PASSWORD_SHA512');
  if (passwordSha512 !== undefined && !/^[0-9a-fA-F]{128}$/.test(passwordSha512)) {
    throw new ConfigError('ZSTACK_PASSWORD_SHA512', 'expected 128 hex characters (the SHA-512 of the password)');
  }
  if (password !== undefined && password !== '' && passwordSha512 !== undefined) {
    throw new ConfigError('ZSTACK_PASSWORD', 'set ZSTACK_PASSWORD or ZSTACK_PASSWORD_SHA512, not both');
  }
  const hasPassword = (password !== undefined && password !== '') || passwordSha512 !== undefined;
  if (!embedded && !hasPassword) {
    throw new ConfigError('ZSTACK_PASSWORD', 'required when ZSTACK_BASE_URL is set (or set ZSTACK_PASSWORD_SHA512)');
  }

  const targetVersion = text(env, 'ZSTACK_TARGET_VERSION') ?? '5.0.0';
  if (!VERSION.test(targetVersion))
    throw new ConfigError('ZSTACK_TARGET_VERSION', `expected MAJOR.MINOR.PATCH, got "${targetVersion}"`);

  const flowApproverUuid = text(env, 'ZSTACK_FLOW_APPROVER_UUID');
  if (flowApproverUuid !== undefined && !UUID.test(flowApproverUuid)) {
    throw new ConfigError('ZSTACK_FLOW_APPROVER_UUID', 'expected a uuid: 32 lower-case hex characters without dashes');
  }

  const runId = text(env, 'ZSTACK_RUN_ID') ?? defaultRunId();
  if (!/^[a-z0-9]{1,16}$/.test(runId))
    throw new ConfigError('ZSTACK_RUN_ID', `expected 1-16 lower-case letters or digits, got "${runId}"`);

  const depth = text(env, 'ZSTACK_DEPTH') ?? 'quick';
  if (depth !== 'quick' && depth !== 'deep')
    throw new ConfigError('ZSTACK_DEPTH', `expected "quick" or "deep", got "${depth}"`);

  const replayPath = text(env, 'ZSTACK_REPLAY_PATH');
  if (replayPath !== undefined && !/^[0-9:]+$/.test(replayPath))
    throw new ConfigError('ZSTACK_REPLAY_PATH', `expected a fast-check path like 3:1:0, got "${replayPath}"`);

  const requestTimeoutMs = positiveInt(env, 'ZSTACK_REQUEST_TIMEOUT_MS', 15_000, 100);
  const jobTimeoutMs = positiveInt(env, 'ZSTACK_JOB_TIMEOUT_MS', 60_000, 100);
  const pollIntervalMs = positiveInt(env, 'ZSTACK_POLL_INTERVAL_MS', 200, 10, 60_000);
  if (pollIntervalMs > jobTimeoutMs)
    throw new ConfigError('ZSTACK_POLL_INTERVAL_MS', `must not exceed ZSTACK_JOB_TIMEOUT_MS (${jobTimeoutMs})`);

  const webHookBase = webHookBaseOf(env, baseUrl);
  const safety = readSafetySettings(env, embedded);

  return {
    webHookBase,
    baseUrl: baseUrl ?? (refPort !== undefined ? `http://127.0.0.1:${refPort}` : undefined),
    embedded,
    accountName: text(env, 'ZSTACK_ACCOUNT') ?? 'admin',
    password: hasPassword ? (password === '' ? undefined : password) : embedded ? 'password' : undefined,
    passwordSha512,
    targetVersion,
    requestTimeoutMs,
    jobTimeoutMs,
    pollIntervalMs,
    maxResponseBytes: positiveInt(env, 'ZSTACK_MAX_RESPONSE_BYTES', 1_048_576, 1024, 1_073_741_824),
    flowApproverUuid,
    runId,
    depth,
    numRuns:
      text(env, 'ZSTACK_NUM_RUNS') === undefined ? undefined : positiveInt(env, 'ZSTACK_NUM_RUNS', 1, 1, 100_000),
    seed: optionalInt(env, 'ZSTACK_SEED'),
    replayPath,
    casesInFlight: positiveInt(env, 'ZSTACK_CASES_IN_FLIGHT', defaultCasesInFlight(safety), 1, 64),
    propertyTimeGuardMs:
      text(env, 'ZSTACK_PROPERTY_TIME_GUARD_MS') === undefined
        ? undefined
        : positiveInt(env, 'ZSTACK_PROPERTY_TIME_GUARD_MS', 1, 1000),
    profileAreas: areasOf(env, 'ZSTACK_PROFILE_AREAS'),
    record: flag(env, 'ZSTACK_RECORD'),
    ...safety,
  };
}

const MAX_DEFAULT_CASES_IN_FLIGHT = 16;

/**
 * A case sends one request at a time, so a worker's share of the load bound is how many cases it can keep
 * busy: 8 in flight over 4 workers gives 2 against a remote target, 64 over 4 gives 16 on the embedded server.
 */
export function defaultCasesInFlight(s: Pick<SafetySettings, 'load' | 'workers'>): number {
  return Math.max(1, Math.min(MAX_DEFAULT_CASES_IN_FLIGHT, Math.floor(s.load.maxInFlight / Math.max(1, s.workers))));
}

/** A target on this machine can call the receiver on 127.0.0.1; any other cannot unless told where to. */
function webHookBaseOf(env: Env, baseUrl: string | undefined): string {
  const v = text(env, 'ZSTACK_WEB_HOOK_BASE');
  if (v === undefined) {
    const host = baseUrl === undefined ? '127.0.0.1' : new URL(baseUrl).hostname;
    return ['127.0.0.1', 'localhost', '[::1]'].includes(host) ? 'loopback' : 'off';
  }
  if (v === 'off' || v === 'loopback') return v;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError(
      'ZSTACK_WEB_HOOK_BASE',
      `expected off, loopback or a URL like http://suite-host:9000, got "${v}"`,
    );
  }
  if (url.protocol !== 'http:' || url.port === '')
    throw new ConfigError('ZSTACK_WEB_HOOK_BASE', `expected an http:// URL with an explicit port, got "${v}"`);
  if (url.username || url.password || url.search || url.hash)
    throw new ConfigError('ZSTACK_WEB_HOOK_BASE', 'must not contain credentials, a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const KNOWN_VARIABLES = [
  'ZSTACK_BASE_URL',
  'ZSTACK_ACCOUNT',
  'ZSTACK_PASSWORD',
  'ZSTACK_PASSWORD_SHA512',
  'ZSTACK_TARGET_VERSION',
  'ZSTACK_REQUEST_TIMEOUT_MS',
  'ZSTACK_JOB_TIMEOUT_MS',
  'ZSTACK_POLL_INTERVAL_MS',
  'ZSTACK_MAX_RESPONSE_BYTES',
  'ZSTACK_FLOW_APPROVER_UUID',
  'ZSTACK_RUN_ID',
  'ZSTACK_DEPTH',
  'ZSTACK_NUM_RUNS',
  'ZSTACK_SEED',
  'ZSTACK_REPLAY_PATH',
  'ZSTACK_RECORD',
  // set by `npm run replay` for its Playwright child (scripts/replay.ts)
  'ZSTACK_REPLAY_DIR',
  'ZSTACK_REPLAY_CHECKS',
  'ZSTACK_DIFF_ALLOW',
  'ZSTACK_ENV_FILE',
  'ZSTACK_REF_PORT',
  'ZSTACK_SESSION',
  'ZSTACK_WEB_HOOK_BASE',
  'ZSTACK_CASES_IN_FLIGHT',
  'ZSTACK_PROPERTY_TIME_GUARD_MS',
  'ZSTACK_WORKERS',
  ...SAFETY_VARIABLES,
  // certification (src/certification/settings.ts validates them)
  'ZSTACK_PROFILE',
  'ZSTACK_PROFILE_AREAS',
  'ZSTACK_BASELINE',
  'ZSTACK_PROFILE_AREAS',
] as const;

// A misspelt variable would silently fall back to a default (ZSTACK_BASE_ULR -> the embedded server): refuse it.
// ZSTACK_REF_* belong to the reference server, ZSTACK_PACT_* / ZSTACK_BROKER_* to pact publishing and
// ZSTACK_CERT_* to the certification (src/certification/settings.ts).
function rejectUnknownVariables(env: Env): void {
  const known = new Set<string>(KNOWN_VARIABLES);
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith('ZSTACK_') || known.has(name) || /^ZSTACK_(REF|PACT|BROKER|CERT)_/.test(name)) continue;
    throw new ConfigError(name, `unknown variable (known: ${KNOWN_VARIABLES.join(', ')})`);
  }
}

// One id per run, shared by the runner and its workers through the environment, so every resource a run
// creates carries the same tag.
function defaultRunId(): string {
  return Date.now().toString(36).slice(-6);
}

/** ZSTACK_RECORD as readConfig reads it; a bad value is left for readConfig to name. */
function recording(): boolean {
  try {
    return flag(process.env, 'ZSTACK_RECORD');
  } catch {
    return false;
  }
}

let loaded = false;
/** Loads .env once (without overriding the real environment) and pins the run id (and a recorded run's seed) for
 * worker processes. */
export function loadEnvFile(): void {
  if (loaded) return;
  loadDotenv({ quiet: true, path: process.env['ZSTACK_ENV_FILE'] ?? '.env' });
  process.env['ZSTACK_RUN_ID'] ??= defaultRunId();
  // a recorded run has one seed, so that a diff can run the same properties again (docs/differential.md)
  if (recording() && !process.env['ZSTACK_SEED']?.trim())
    process.env['ZSTACK_SEED'] = String(Math.floor(Math.random() * 2 ** 31));
  loaded = true;
}

export function loadConfig(): SuiteConfig {
  loadEnvFile();
  return readConfig(process.env);
}

/** The configuration as it may appear in a report: no password. */
export function describeConfig(c: SuiteConfig): Record<string, unknown> {
  const { password, passwordSha512, ...rest } = c;
  return { ...rest, password: password || passwordSha512 ? '[REDACTED]' : undefined };
}
