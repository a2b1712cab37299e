// What one fault unit is: a name and description (the public interface), the aspects of the server's
// behaviour it claims to change, and the hooks it installs on one server instance.
import type { ServerContext } from '../context.ts';
import type { Hooks } from '../hooks.ts';

/**
 * Kinds of request whose replies a fault may change as a whole (tests/self/fault-isolation.spec.ts sends
 * one or more of each).
 */
export type RequestKind =
  /** an API call with a session id the server never issued */
  | 'unknown-session'
  /** a stateEvent outside the allowed values */
  | 'invalid-state-event'
  /** a delete of a resource that is already deleted */
  | 'repeat-delete'
  /** an action on, or a query for, a resource that was deleted */
  | 'after-delete'
  /** an action whose body key is in another case */
  | 'miscased-key'
  /** a parameter of the wrong JSON type */
  | 'wrong-type'
  /** a string parameter with a character outside ASCII */
  | 'non-ascii'
  /** a query */
  | 'query'
  /** a query with a malformed condition or a field the inventory does not have */
  | 'malformed-query'
  /** an async call whose X-Job-UUID has the wrong length or repeats an existing job */
  | 'bad-job-uuid'
  /** a poll of a job address that names no job */
  | 'unknown-job'
  /** a method other than GET on a job address */
  | 'job-wrong-method'
  /** a path no API is mapped to */
  | 'unknown-path'
  /** a known path with a method it does not take */
  | 'wrong-method'
  /** a call without an Authorization header */
  | 'no-authorization'
  /** LogOut (sent, as the official SDK sends it, without Authorization) */
  | 'logout';

/** A part of the server's replies a fault may change. */
export type Aspect =
  /** an inventory member of this name, at any depth (value, type or presence) */
  | `field:${string}`
  /** a top-level reply member of this name (and anything inside it) */
  | `member:${string}`
  /** anything in the replies to one kind of request */
  | `request:${RequestKind}`
  /** anything in a reply the honest server answers with a failure */
  | 'failed-replies'
  /** the format (not the instant) of timestamps */
  | 'timestamp-format'
  /** the job location of an async call's 202 */
  | 'job-location'
  /** anything in the polls of async jobs */
  | 'job-result'
  /** how an async API answers: the immediate reply and whether there is a job to poll */
  | 'async-reply'
  /** the POSTs of web hooks (X-Web-Hook) */
  | 'web-hook';

/**
 * The self-test that shows a fault tripping a check, by name (the server may not import the suite's src/):
 * a hand-written or protocol scenario by its `id` (tests/self/fault-modes.spec.ts), the derived test of an API
 * whose title contains `test` (tests/self/derived-faults.spec.ts), or a property (tests/self/properties-model,
 * properties-inputs and protocol-properties specs), or the query sweep test of that Query API (tests/sweep/).
 */
export type ShownIn =
  | { scenario: string }
  | { derived: string; test: string }
  | { property: string }
  /** the query sweep test of that Query API (tests/sweep/) */
  | { sweep: string };

/** A check this fault must make fail, and where that is shown. */
export interface Trip {
  check: string;
  in: ShownIn;
}

export interface FaultUnit<N extends string = string> {
  name: N;
  /** one line, the public description (docs and `npm run conformance:list`) */
  description: string;
  /** everything this fault may change, for the isolation self-test */
  touches: readonly Aspect[];
  /** the checks this fault must trip, each with the self-test that shows it (at least one) */
  trips: readonly [Trip, ...Trip[]];
  /** the hooks this fault chains onto the honest ones of one server instance (state lives in the closure) */
  install(ctx: ServerContext): Partial<Hooks>;
}

export function defineFault<const N extends string>(unit: FaultUnit<N>): FaultUnit<N> {
  return unit;
}
