// The parts of an observed call the checks read: its final body, whether it succeeded, its inventory or error
// code, its own request's headers, its first answer and the job id a location names.
import { finalBody, finalInventory } from '../../exchange/exchange.ts';
import { isObject, type JsonObject } from '../../exchange/json.ts';
import type { Observation } from '../../exchange/observation.ts';

export const body = (o: Observation): JsonObject | undefined => finalBody(o.exchange);

export const succeeded = (o: Observation): boolean =>
  o.exchange.final.status === 200 && o.exchange.unsettled === undefined;

/** The inventory of a successful single-resource reply. */
export const replyInventory = (o: Observation): JsonObject | undefined => finalInventory(o.exchange);

/** The ErrorCode's code of a JSON answer, when it carries one. */
export function errorCodeOf(o: Observation): unknown {
  const err = body(o)?.['error'];
  return isObject(err) ? err['code'] : undefined;
}

/** A header of the call's own request, by case-insensitive name. */
export function requestHeader(o: Observation, name: string): string | undefined {
  const headers = o.exchange.hops[0]?.request.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** The call's first answer (the direct reply, or the 202 of an async call). */
export const firstResponse = (o: Observation) => o.exchange.hops[0].response;

/** The job id a 202's location names: the path segment after /zstack/v1/api-jobs/. */
export function jobIdOf(location: unknown): string | undefined {
  if (typeof location !== 'string') return undefined;
  const at = location.indexOf('/zstack/v1/api-jobs/');
  if (at < 0) return undefined;
  return location.slice(at + '/zstack/v1/api-jobs/'.length).split(/[/?#]/)[0] || undefined;
}
