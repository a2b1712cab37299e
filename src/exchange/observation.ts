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
  | { kind: 'repeat-delete' }
  /** an async call whose X-Job-UUID is not 32 characters long or repeats an existing job's id */
  | { kind: 'bad-job-uuid'; why: string }
  /** a GET of a job address the server never issued */
  | { kind: 'unknown-job' }
  /** a method other than GET on a job address */
  | { kind: 'job-wrong-method' }
  /** a path no API is mapped to */
  | { kind: 'unknown-path' }
  /** a known API path with a method it does not take */
  | { kind: 'wrong-method' }
  /** a query whose answer the suite's own oracle computed over resources the run created */
  | { kind: 'query'; why: string; expected: QueryExpectation };

/** What the oracle says a query must answer; each part is judged by its own check. */
export interface QueryExpectation {
  /** the uuids the answer must list, each once: as a set, or in exactly this order (a sorted page) */
  uuids?: { list: string[]; ordered: boolean };
  /** sort rank per uuid (ties share a rank, direction applied): the answer's ranks must not decrease */
  ranks?: Record<string, number>;
  /** the `total` the answer must carry */
  total?: number;
  /** replyWithCount=true with no known count: a `total` at least the number of rows listed, whatever its value */
  counted?: boolean;
  /** limit=N: at most this many rows */
  maxRows?: number;
  /** count=true: no `inventories` key at all */
  countOnly?: boolean;
  /**
   * fields=...: every inventory has only these keys and, when `projected` is known (rows that cannot change between
   * two requests), the answer is exactly `projected` (the full inventories cut down)
   */
  fields?: { names: string[]; projected?: JsonObject[] };
  /** GET .../{uuid}: the inventories must equal these (what q=uuid=<uuid> answered) */
  sameAs?: JsonObject[];
}

/** A POST the suite's web-hook receiver got. */
export interface WebHookDelivery {
  method: string;
  /** lower-case header names */
  headers: Record<string, string>;
  text: string;
  /** ms between the call's first answer and the delivery */
  afterMs: number;
}

/** What the receiver got for one call sent with X-Web-Hook, within `waitedMs`. */
export interface WebHookObservation {
  waitedMs: number;
  deliveries: WebHookDelivery[];
}

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
  /** the call carried X-Web-Hook: what the suite's receiver got for it */
  webHook?: WebHookObservation;
}
