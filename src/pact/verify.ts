// Provider verification of the pacts against any target with pact-js's Verifier: the state handlers create
// what each interaction needs (state-handlers.ts) and a request filter puts in what cannot live in a pact:
// the session (for the placeholder Authorization) and the account's credentials (for the login).
import { readFileSync } from 'node:fs';
import { Verifier } from '@pact-foundation/pact';
import type { Request, Response, NextFunction } from 'express';
import type { SuiteConfig } from '../config.ts';
import { redact, registerSecret } from '../reporting/redact.ts';
import { openSuite } from '../suite.ts';
import { PROVIDER, quietPact } from './names.ts';
import { PLACEHOLDER_SESSION } from './interaction-spec.ts';
import { ProviderStates, type StateRequest } from './state-handlers.ts';

export interface VerifyOptions {
  config: SuiteConfig;
  pactFiles: string[];
  /** ms the native verifier waits for each request (default: the suite's request timeout) */
  timeoutMs?: number;
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** the run's own verification: what the states create goes to the run's ledger */
  forRun?: boolean;
}

export interface VerifyResult {
  ok: boolean;
  /** the verifier's error, redacted */
  error?: string;
  /** one line per failed interaction: its description and what did not match */
  failures: string[];
  /** state setup and cleanup problems (a setup error, not a conformance failure) */
  problems: string[];
  durationMs: number;
}

const PLACEHOLDER_AUTH = `OAuth ${PLACEHOLDER_SESSION}`;

export async function verifyPacts(opts: VerifyOptions): Promise<VerifyResult> {
  quietPact();
  const started = Date.now();
  const suite = await openSuite(opts.config, { forRun: opts.forRun ?? false });
  const session = suite.zs.session as string;
  registerSecret(session);
  const states = new ProviderStates(suite.zs);
  states.prepare(statesOf(opts.pactFiles), opts.config.casesInFlight);
  const loginPath = '/zstack' + (suite.contracts.apis.get('LogInByAccount')?.path ?? '/v1/accounts/login');
  const loginKey = suite.contracts.apis.get('LogInByAccount')?.bodyKey ?? 'logInByAccount';

  const requestFilter = (req: Request, _res: Response, next: NextFunction): void => {
    if (req.path.startsWith('/_pact')) return next(); // the verifier's own state calls
    if (req.headers.authorization === PLACEHOLDER_AUTH) req.headers.authorization = `OAuth ${session}`;
    if (
      req.method === 'PUT' &&
      req.path === loginPath &&
      req.body &&
      typeof req.body === 'object' &&
      loginKey in req.body
    ) {
      // the pact holds a placeholder hash; the real account and password never touch a pact file
      req.body = {
        ...req.body,
        [loginKey]: { ...req.body[loginKey], accountName: opts.config.accountName, password: suite.zs.passwordHash() },
      };
      req.headers['content-length'] = String(Buffer.byteLength(JSON.stringify(req.body)));
    }
    next();
  };

  try {
    await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: suite.zs.baseUrl,
      pactUrls: opts.pactFiles,
      stateHandlers: states.handlers(),
      afterEach: () => states.cleanup(),
      requestFilter,
      timeout: opts.timeoutMs ?? opts.config.requestTimeoutMs + opts.config.jobTimeoutMs,
      logLevel: opts.logLevel ?? 'error',
    }).verifyProvider();
    return {
      ok: states.problems.length === 0,
      failures: [],
      problems: states.problems.map(redact),
      durationMs: Date.now() - started,
    };
  } catch (e) {
    const error = redact(e instanceof Error ? e.message : String(e));
    return {
      ok: false,
      error,
      failures: summarize(error),
      problems: states.problems.map(redact),
      durationMs: Date.now() - started,
    };
  } finally {
    await states.close().catch(() => undefined);
    await suite.close();
  }
}

/** The provider states of every interaction in the pact files, in file order (Pact V3/V4 and V2). */
export function statesOf(pactFiles: readonly string[]): StateRequest[] {
  const out: StateRequest[] = [];
  for (const file of pactFiles) {
    let pact: { interactions?: Array<{ providerStates?: StateRequest[]; providerState?: string }> };
    try {
      pact = JSON.parse(readFileSync(file, 'utf8')) as typeof pact;
    } catch {
      continue; // the verifier reports the file it cannot read; its states are set up when asked, if ever
    }
    for (const i of pact.interactions ?? []) {
      if (Array.isArray(i.providerStates)) out.push(...i.providerStates.filter((s) => typeof s?.name === 'string'));
      else if (typeof i.providerState === 'string') out.push({ name: i.providerState });
    }
  }
  return out;
}

interface CoreError {
  interaction?: string;
  mismatch?: { mismatches?: Array<{ mismatch?: string; path?: string; key?: string }>; message?: string };
}

/** The native verifier rejects with a JSON report; keep one readable line per failed interaction. */
export function summarize(error: string): string[] {
  let parsed: { errors?: CoreError[] };
  try {
    parsed = JSON.parse(error) as { errors?: CoreError[] };
  } catch {
    return [error.split('\n')[0].slice(0, 500)];
  }
  return (parsed.errors ?? []).map((e) => {
    const what =
      e.mismatch?.mismatches?.map((m) => `${m.path ?? m.key ?? ''} ${m.mismatch ?? ''}`.trim()).join('; ') ??
      e.mismatch?.message ??
      '';
    const name = (e.interaction ?? '?').replace(/^Verifying a pact between \S+ and \S+ /, '');
    return `${name}: ${what}`.replace(/\s+/g, ' ').slice(0, 600);
  });
}
