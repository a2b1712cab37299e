// The settings that keep a run gentle and safe against a shared target (docs/safety.md): read-only mode, the
// load bound, back-pressure waits, and TLS trust. Read with the rest of the configuration (src/config.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ConfigError } from './config-error.ts';

type Env = Record<string, string | undefined>;

/**
 * The load bound: at most `maxInFlight` requests at once, request starts at most `maxRps` a second (the client's
 * load limiter, src/client/load-limiter.ts, enforces it).
 */
export interface LoadLimits {
  maxInFlight: number;
  maxRps: number;
}

export interface SafetySettings {
  /** ZSTACK_READ_ONLY: run only what cannot change the target; everything else is skipped with the reason */
  readOnly: boolean;
  /** the whole run's load bound (shared among its worker processes) */
  load: LoadLimits;
  /** ZSTACK_RUN_WORKERS: how many worker processes share the load bound (set by playwright.config.ts) */
  workers: number;
  retryAfterMaxMs: number;
  /** ZSTACK_CA_FILE: a PEM file of CAs to trust besides the system ones */
  caFile: string | undefined;
  /** ZSTACK_TLS_INSECURE: accept any certificate (an explicit opt-in; never the default) */
  tlsInsecure: boolean;
}

export const SAFETY_VARIABLES = [
  'ZSTACK_READ_ONLY',
  'ZSTACK_MAX_IN_FLIGHT',
  'ZSTACK_MAX_RPS',
  'ZSTACK_RETRY_AFTER_MAX_MS',
  'ZSTACK_CA_FILE',
  'ZSTACK_TLS_INSECURE',
  'ZSTACK_RUN_WORKERS',
] as const;

/**
 * Gentle defaults for a remote target (a shared staging server); the embedded server is the suite's own and
 * runs on the same machine, so its defaults keep `npm test` fast.
 */
export const LOAD_DEFAULTS = {
  remote: { maxInFlight: 8, maxRps: 50 },
  embedded: { maxInFlight: 64, maxRps: 5000 },
} as const;

/** A true/false setting (also 1/0, yes/no); unset is false. */
export function flag(env: Env, name: string): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (v === undefined || v === '') return false;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

function whole(env: Env, name: string, dflt: number, min: number, max: number): number {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${v}"`);
  return Number(v);
}

function caFileOf(env: Env): string | undefined {
  const v = env['ZSTACK_CA_FILE']?.trim();
  if (v === undefined || v === '') return undefined;
  if (!existsSync(v) || !statSync(v).isFile()) throw new ConfigError('ZSTACK_CA_FILE', `no such file: "${v}"`);
  if (!/-----BEGIN CERTIFICATE-----/.test(readFileSync(v, 'utf8')))
    throw new ConfigError('ZSTACK_CA_FILE', `"${v}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return v;
}

export function readSafetySettings(env: Env, embedded: boolean): SafetySettings {
  const d = embedded ? LOAD_DEFAULTS.embedded : LOAD_DEFAULTS.remote;
  return {
    readOnly: flag(env, 'ZSTACK_READ_ONLY'),
    load: {
      maxInFlight: whole(env, 'ZSTACK_MAX_IN_FLIGHT', d.maxInFlight, 1, 1024),
      maxRps: whole(env, 'ZSTACK_MAX_RPS', d.maxRps, 1, 100_000),
    },
    workers: whole(env, 'ZSTACK_RUN_WORKERS', 1, 1, 256),
    retryAfterMaxMs: whole(env, 'ZSTACK_RETRY_AFTER_MAX_MS', 30_000, 0, 3_600_000),
    caFile: caFileOf(env),
    tlsInsecure: flag(env, 'ZSTACK_TLS_INSECURE'),
  };
}
