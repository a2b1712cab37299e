// The shape every check shares: one rule, one function, Observation in, Violations (or NOT_APPLICABLE) out.
// Checks are pure: no I/O, no client; they run the same on live traffic and on recorded documents.
import type { ApiDescriptor } from '../../contracts/index.ts';
import type { Exchange, JsonObject } from '../client/exchange.ts';
import type { SchemaRegistry } from '../contracts/schemas.ts';

export type Severity = 'required' | 'advisory';

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

export interface Violation {
  check: string;
  severity: Severity;
  api: string;
  title: string;
  received: string;
  expected: string;
  source: string;
}

export const NOT_APPLICABLE = 'not-applicable' as const;
export type CheckOutcome = Violation[] | typeof NOT_APPLICABLE;

export interface CheckContext { schemas: SchemaRegistry }

export interface Check {
  name: string;
  severity: Severity;
  /** the rule, as a MUST sentence (README and reports) */
  rule: string;
  /** where the rule (and each tolerance in it) comes from */
  source: string;
  run(o: Observation, ctx: CheckContext): CheckOutcome;
}
