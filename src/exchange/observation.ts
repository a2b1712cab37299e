// One call as the checks judge it: the exchange, what was sent, what the caller meant, and the resource as
// queries showed it around the call. Built by src/observe (live traffic) or by hand (recorded documents).
import type { ApiDescriptor } from '../../contracts/index.ts';
import type { Exchange } from './exchange.ts';
import type { JsonObject } from './json.ts';

/** What the caller meant by the call, when it is not an ordinary documented success. */
export type Expectation =
  | { kind: 'success' }
  /** an unknown or logged-out session: ZStack fails the API with ID.1001 */
  | { kind: 'invalid-session' }
  /** rejected by the API through the job (503 ErrorCode with this code) */
  | { kind: 'api-rejection'; code: string; why: string }
  /** rejected by the REST layer before any job, plain text, with one of these statuses */
  | { kind: 'rest-rejection'; statuses: number[]; why: string }
  /** a delete of a resource that is already gone (successIfResourceNotExisting) */
  | { kind: 'repeat-delete' };

export interface Observation {
  api: ApiDescriptor;
  exchange: Exchange;
  /** parameters as sent (untrimmed), path parameters included */
  sent: Record<string, unknown>;
  expect: Expectation;
  /** the resource as a query showed it just before the call */
  before?: JsonObject;
  /** the resource as a query showed it just after the call; null when the query no longer finds it */
  after?: JsonObject | null;
}
