// One bounded HTTP request (bounded-http.ts: one deadline, a byte cap, no redirects, verified TLS) under the
// run's load bound (load-limiter.ts), honouring back-pressure: a 429, or a 503 that carries Retry-After, is
// retried after the wait it asks for, as long as the waits stay within ZSTACK_RETRY_AFTER_MAX_MS. A 503
// without Retry-After is ZStack's ordinary API failure (an ErrorCode), never retried. A network failure
// becomes a TransportError with one readable, redacted line; the body is parsed as JSON by trying.
import { BoundedHttp, HttpFailure, type BodyStall } from './bounded-http.ts';
import { parseJsonBody } from '../exchange/json.ts';
import type { WireRequest, WireResponse } from '../exchange/exchange.ts';
import type { LoadLimits } from '../safety-settings.ts';
import { LoadLimiter } from './load-limiter.ts';
import { redact } from '../reporting/redact.ts';

export class TransportError extends Error {
  /** stall: the headers came, the body was still arriving at ZSTACK_REQUEST_TIMEOUT_MS */
  constructor(
    readonly request: WireRequest,
    reason: string,
    readonly stall?: BodyStall,
  ) {
    super(redact(`${request.method} ${request.url}: ${reason}`));
    this.name = 'TransportError';
  }
}

export interface TransportOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** this process's share of the run's load bound; unset: no bound (self-tests against loopback servers) */
  limits?: LoadLimits;
  /** the most a request waits in all for Retry-After (429, or 503 with the header) before it gives up */
  retryAfterMaxMs?: number;
  /** PEM text of extra trusted CAs; accept any certificate only with insecure */
  ca?: string;
  insecure?: boolean;
}

/** 429 without Retry-After: wait this long (RFC 6585 leaves the pause to the client). */
const DEFAULT_BACKOFF_MS = 1000;

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 section 10.2.3); undefined when unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class Transport {
  private readonly http: BoundedHttp;
  private readonly limiter: LoadLimiter | undefined;

  constructor(private readonly opts: TransportOptions) {
    this.http = new BoundedHttp({
      timeoutMs: opts.timeoutMs,
      maxResponseBytes: opts.maxResponseBytes,
      ...(opts.ca ? { ca: opts.ca } : {}),
      ...(opts.insecure ? { insecure: true } : {}),
      ...(opts.limits ? { maxSockets: opts.limits.maxInFlight } : {}),
    });
    this.limiter = opts.limits ? new LoadLimiter(opts.limits) : undefined;
  }

  async send(req: WireRequest): Promise<WireResponse> {
    const budget = this.opts.retryAfterMaxMs ?? 0;
    let waited = 0;
    for (;;) {
      const res = await this.once(req);
      const asked =
        res.status === 429
          ? (retryAfterMs(res.headers['retry-after']) ?? DEFAULT_BACKOFF_MS)
          : res.status === 503
            ? retryAfterMs(res.headers['retry-after'])
            : undefined;
      if (asked === undefined) return res;
      if (waited + asked > budget) {
        throw new TransportError(
          req,
          `the endpoint answered ${res.status} and asks to wait ${Math.ceil(asked / 1000)} s more (waited ${Math.round(waited / 1000)} s); that is beyond ZSTACK_RETRY_AFTER_MAX_MS=${budget}: lower ZSTACK_MAX_RPS or ZSTACK_MAX_IN_FLIGHT`,
        );
      }
      waited += asked;
      await new Promise((r) => setTimeout(r, asked));
    }
  }

  private async once(req: WireRequest): Promise<WireResponse> {
    const release = this.limiter ? await this.limiter.acquire() : undefined;
    const started = performance.now();
    let raw;
    try {
      raw = await this.http.request(req);
    } catch (e) {
      if (e instanceof HttpFailure) throw new TransportError(req, e.message, e.stall);
      throw new TransportError(req, (e instanceof Error ? e.message : String(e)).split('\n')[0]);
    } finally {
      release?.();
    }
    const text = raw.body.toString('utf8');
    return {
      status: raw.status,
      headers: raw.headers,
      text,
      json: raw.truncated ? undefined : parseJsonBody(text),
      ...(raw.truncated ? { truncated: true } : {}),
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.http.close();
  }
}
