// X-Web-Hook (docs/zstack-protocol.md#web-hooks): when a job ends the server POSTs its result, the body a poll
// answers, to the URL the call named, with X-Job-UUID and X-Job-Success. Here the POST leaves when the job's
// result becomes visible to polls (plus the variant's webHookDelayMs); a job that never ends sends none.
// The reference server only calls loopback addresses (it runs beside the suite; nothing else is reachable).
import { request } from 'node:http';
import type { ServerContext } from './context.ts';
import type { Job } from './jobs.ts';
import { renderOutcome } from './render.ts';
import { stripNulls } from './wire.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TIMEOUT_MS = 5_000;

export function scheduleWebHook(ctx: ServerContext, job: Job, url: string): void {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return; // real ZStack fails the delivery in the background; the call itself is unaffected
  }
  if (target.protocol !== 'http:' || !LOOPBACK.has(target.hostname) || !Number.isFinite(job.readyAt)) return;
  const delay = Math.max(0, job.readyAt - ctx.now()) + ctx.variant.webHookDelayMs;
  const timer = setTimeout(() => post(ctx, job, target), delay);
  timer.unref();
}

function post(ctx: ServerContext, job: Job, target: URL): void {
  const r = renderOutcome(ctx, job.outcome, { job: true, withSchema: job.schemaRequested });
  const out = stripNulls(r.body) as Record<string, unknown>;
  if (r.nullError && !('error' in out)) out.error = null;
  const body = Buffer.from(JSON.stringify(out), 'utf8');
  const req = request(target, {
    method: 'POST',
    timeout: TIMEOUT_MS,
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': String(body.length),
      'X-Job-UUID': job.id,
      'X-Job-Success': String(r.status === 200),
    },
  });
  req.on('error', () => undefined);
  req.on('timeout', () => req.destroy());
  req.on('response', (res) => res.resume());
  req.end(body);
}
