// One bounded HTTP request over Playwright's APIRequestContext. Every request has a timeout; a network
// failure becomes a TransportError with a readable message; the body is parsed as JSON by trying.
import type { APIRequestContext } from '@playwright/test';
import { parseJsonBody } from '../exchange/json.ts';
import type { WireRequest, WireResponse } from '../exchange/exchange.ts';
import { redact } from '../reporting/redact.ts';

export class TransportError extends Error {
  constructor(readonly request: WireRequest, reason: string) {
    super(redact(`${request.method} ${request.url}: ${reason}`));
    this.name = 'TransportError';
  }
}

export interface TransportOptions {
  timeoutMs: number;
  maxResponseBytes: number;
}

function explain(e: unknown, timeoutMs: number): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/ECONNREFUSED/.test(m)) return 'connection refused (is the endpoint running and ZSTACK_BASE_URL right?)';
  if (/ENOTFOUND|EAI_AGAIN/.test(m)) return 'host name not found (check ZSTACK_BASE_URL)';
  if (/Timeout|timed out|ETIMEDOUT/i.test(m)) return `no answer within ${timeoutMs} ms (ZSTACK_REQUEST_TIMEOUT_MS)`;
  if (/ECONNRESET|socket hang up/i.test(m)) return 'connection reset by the endpoint';
  if (/certificate|SSL|TLS/i.test(m)) return `TLS error: ${m.split('\n')[0]}`;
  return m.split('\n')[0];
}

export class Transport {
  constructor(private readonly ctx: APIRequestContext, private readonly opts: TransportOptions) {}

  async send(req: WireRequest): Promise<WireResponse> {
    const started = performance.now();
    let res;
    try {
      res = await this.ctx.fetch(req.url, {
        method: req.method,
        headers: req.headers,
        data: req.body,
        timeout: this.opts.timeoutMs,
        failOnStatusCode: false,
        maxRedirects: 0,
        ignoreHTTPSErrors: false,
      });
    } catch (e) {
      throw new TransportError(req, explain(e, this.opts.timeoutMs));
    }
    const buffer = await res.body().catch((e: unknown) => {
      throw new TransportError(req, `reading the body failed: ${explain(e, this.opts.timeoutMs)}`);
    });
    const truncated = buffer.length > this.opts.maxResponseBytes;
    const text = (truncated ? buffer.subarray(0, this.opts.maxResponseBytes) : buffer).toString('utf8');
    const headers: Record<string, string> = {};
    for (const h of res.headersArray()) headers[h.name.toLowerCase()] = h.value;
    return {
      status: res.status(),
      headers,
      text,
      json: truncated ? undefined : parseJsonBody(text),
      ...(truncated ? { truncated } : {}),
      durationMs: Math.round(performance.now() - started),
    };
  }
}
