// How an exchange is shown to a reader: a runnable curl line and a short transcript, both redacted.
import type { Exchange, WireRequest } from '../exchange/exchange.ts';
import { redact } from './redact.ts';

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
    lines.push(
      `${i === 0 ? '→' : '  poll'} ${h.request.method} ${h.request.url}` +
        (i === 0 && h.request.body ? ` ${h.request.body.slice(0, maxBody)}` : ''),
    );
    lines.push(`  ← ${h.response.status} ${body.replace(/\s+/g, ' ')}`);
  });
  return redact(lines.join('\n'));
}
