// The async-job protocol (docs/zstack-protocol.md#sync-and-async-jobs): 202 + location, then GET the location
// until it answers something other than 202. Polling is bounded by ZSTACK_JOB_TIMEOUT_MS; a job that never
// ends is the server's failure (JobTimeoutError), not the suite's. The pause between polls starts short and
// doubles up to ZSTACK_POLL_INTERVAL_MS, so a job that ends in 10 ms costs about 10 ms, not one interval, and
// a job of many seconds still costs few polls.
import type { Hop, WireResponse } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import type { Transport } from './transport.ts';
import { redact } from '../reporting/redact.ts';

export class JobTimeoutError extends Error {
  constructor(
    readonly hops: Hop[],
    timeoutMs: number,
  ) {
    super(
      `the job at ${redact(hops[hops.length - 1]?.request.url ?? '?')} was still pending after ${timeoutMs} ms (ZSTACK_JOB_TIMEOUT_MS)`,
    );
    this.name = 'JobTimeoutError';
  }
}

export class NoJobLocationError extends Error {
  constructor(readonly hops: Hop[]) {
    super('the endpoint answered 202 without a usable "location" of the job');
    this.name = 'NoJobLocationError';
  }
}

const JOB_PATH = '/zstack/v1/api-jobs/';

/**
 * The URL to poll. The location's host may be the server's own idea of its name (NAT, proxy): sending the
 * session there could leak it, so keep the path and use the configured base, as the official SDK does when
 * host:port differ (docs/zstack-protocol.md#the-official-java-sdk-on-the-wire).
 */
export function jobUrl(location: string, baseUrl: string): string | undefined {
  const at = location.indexOf(JOB_PATH);
  if (at >= 0) return baseUrl + location.slice(at);
  try {
    const u = new URL(location, baseUrl);
    return baseUrl + u.pathname + u.search;
  } catch {
    return undefined;
  }
}

export function locationOf(r: WireResponse): string | undefined {
  const loc = isObject(r.json) ? r.json['location'] : undefined;
  return typeof loc === 'string' && loc !== '' ? loc : undefined;
}

export interface PollOptions {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** the longest pause between two polls (ZSTACK_POLL_INTERVAL_MS) */
  intervalMs: number;
}

/** The first pause after a pending poll; each next pause doubles, up to the configured interval. */
export const FIRST_POLL_DELAY_MS = 5;

/** The pause after the n-th pending poll (n from 0): 5, 10, 20, 40 ... ms, never above `intervalMs`. */
export function pollDelay(n: number, intervalMs: number): number {
  return Math.min(intervalMs, FIRST_POLL_DELAY_MS * 2 ** Math.min(n, 30));
}

/** Polls from the accepted hop until the job ends; returns all poll hops (the last one settles the call). */
export async function pollJob(transport: Transport, accepted: Hop, opts: PollOptions): Promise<Hop[]> {
  const location = locationOf(accepted.response);
  const url = location === undefined ? undefined : jobUrl(location, opts.baseUrl);
  if (url === undefined) throw new NoJobLocationError([accepted]);
  const hops: Hop[] = [];
  const deadline = Date.now() + opts.timeoutMs;
  // Like the SDK: poll at once; then pause, growing, until the job ends or the bound is reached.
  for (let pending = 0; ; pending++) {
    const request = { method: 'GET', url, headers: opts.headers };
    const response = await transport.send(request);
    hops.push({ request, response });
    if (response.status !== 202) return hops;
    const left = deadline - Date.now();
    if (left <= 0) throw new JobTimeoutError([accepted, ...hops], opts.timeoutMs);
    // the last pause is cut to the deadline, so the final poll happens at the bound and not one interval early
    await new Promise((r) => setTimeout(r, Math.min(pollDelay(pending, opts.intervalMs), left)));
  }
}
