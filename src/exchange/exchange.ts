// What went over the wire for one API call: the request, every hop (the call and each job poll) and the
// final answer. Checks read Exchanges only, so they run the same on live traffic and on recorded documents.
import { isObject, type JsonObject } from './json.ts';

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

export interface Hop {
  request: WireRequest;
  response: WireResponse;
}

export interface Exchange {
  api: string;
  hops: Hop[];
  /** the answer that settles the call: the direct reply of a sync call, the job's last poll of an async one */
  final: WireResponse;
  /** set when the call did not settle: 202 without a usable location, or a job still pending at the deadline */
  unsettled?: 'no-job-location' | 'job-timeout';
}

export function finalBody(x: Exchange): JsonObject | undefined {
  return isObject(x.final.json) ? x.final.json : undefined;
}

/** The `inventory` of the settling answer, when it carries one (a single-resource reply). */
export function finalInventory(x: Exchange): JsonObject | undefined {
  const inv = finalBody(x)?.['inventory'];
  return isObject(inv) ? inv : undefined;
}
