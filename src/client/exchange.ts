// What went over the wire for one API call: the request, every hop (the call and each job poll) and the
// final answer. Checks read Exchanges only, so they run the same on live traffic and on recorded documents.
import { redact } from './redact.ts';

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** raw body text as sent */
  body?: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** the body parsed as JSON when it is JSON, whatever the Content-Type (real ZStack often sends none) */
  json?: unknown;
  truncated?: boolean;
  durationMs: number;
}

export interface Hop { request: WireRequest; response: WireResponse }

export interface Exchange {
  api: string;
  hops: Hop[];
  /** the answer that settles the call: the direct reply of a sync call, the job's last poll of an async one */
  final: WireResponse;
  /** set when the call did not settle: 202 without a usable location, or a job still pending at the deadline */
  unsettled?: 'no-job-location' | 'job-timeout';
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function finalBody(x: Exchange): JsonObject | undefined {
  return isObject(x.final.json) ? x.final.json : undefined;
}

/** Quotes a word for a POSIX shell. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A runnable curl line for a request, the session replaced by $ZSTACK_SESSION and other secrets redacted. */
export function curlLine(req: WireRequest): string {
  const parts = ['curl', '-sS', '-i', '-X', req.method];
  for (const [k, v] of Object.entries(req.headers)) {
    if (k.toLowerCase() === 'authorization' && /^OAuth\s+/i.test(v)) {
      parts.push('-H', `"Authorization: OAuth $ZSTACK_SESSION"`);
    } else {
      parts.push('-H', shellQuote(`${k}: ${v}`));
    }
  }
  if (req.body !== undefined) parts.push('--data-raw', shellQuote(req.body));
  parts.push(shellQuote(req.url));
  return redact(parts.join(' '));
}

/** A short human-readable transcript of an exchange, redacted. */
export function describeExchange(x: Exchange, maxBody = 600): string {
  const lines: string[] = [];
  x.hops.forEach((h, i) => {
    const body = h.response.text.length > maxBody ? h.response.text.slice(0, maxBody) + '…' : h.response.text;
    lines.push(`${i === 0 ? '→' : '  poll'} ${h.request.method} ${h.request.url}` + (i === 0 && h.request.body ? ` ${h.request.body.slice(0, maxBody)}` : ''));
    lines.push(`  ← ${h.response.status} ${body.replace(/\s+/g, ' ')}`);
  });
  return redact(lines.join('\n'));
}
