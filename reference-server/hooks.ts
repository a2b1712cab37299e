// The named points where the fault layer (faults/) may bend the honest server. Every hook is a transform
// `(value, info) => value`: the honest code computes a value, passes it through its hook and uses what comes
// back. With no fault installed every hook is the identity, so the honest code path is the behaviour.
// To add a hook point: a member here, its identity in HONEST_HOOKS, one call in the honest code.
import type { ApiDescriptor, ParamSpec } from '../contracts/index.ts';
import type { ApiError } from './errors.ts';
import type { ApiOutcome, RenderedReply } from './outcome.ts';
import type { ApiCall } from './api-call.ts';
import type { Inventory, StoredResource } from './store.ts';
import type { TimestampStyle } from './timestamps.ts';

/** An API's effect on the store: the record it returns (rendered as the reply's inventory) or none. */
export type EffectRun = (call: ApiCall) => StoredResource | undefined;

/** What the REST layer does with a parameter value it cannot take: refuse it (throw) or take a value. */
export type ParamVerdict = { refuse: Error } | { take: unknown };

export interface Hooks {
  // ---- REST layer (handler.ts, wire.ts) ----
  /** whether an API answers 202 + job (true) or its result directly */
  answersAsync(async: boolean, info: { api: ApiDescriptor; session: string | undefined }): boolean;
  /** the status of a request no API takes: 404 (no such path) or 405 (another method) */
  routeRejection(status: number, info: { kind: 'none' | 'method' }): number;
  /** whether an API reads the Authorization header (false for @SuppressCredentialCheck APIs) */
  checksAuthorization(checks: boolean, info: { api: ApiDescriptor }): boolean;
  /** the REST layer's refusal of the Authorization header (missing, not OAuth), or undefined */
  authorizationError(message: string | undefined, info: Record<string, never>): string | undefined;
  /** the REST layer's refusal of an X-Job-UUID (length, duplicate), or undefined */
  jobUuidError(message: string | undefined, info: { requested: string }): string | undefined;
  /** the id a new job runs as */
  jobId(id: string, info: { requested: string | undefined }): string;
  /** whether a job address takes this method */
  jobMethodAllowed(allowed: boolean, info: { method: string }): boolean;
  /** the answer to a poll of a job address that names no job */
  unknownJobReply(
    reply: { status: number; text: string },
    info: Record<string, never>,
  ): { status: number; text: string };
  /** the body of a poll of a running job: a JSON object, or text */
  pendingBody(body: Record<string, unknown> | string, info: Record<string, never>): Record<string, unknown> | string;
  /** the X-Web-Hook URL a job's result is POSTed to, or undefined */
  webHookUrl(url: string | undefined, info: Record<string, never>): string | undefined;
  /** the path prefix a job location names (jobs are also pollable there) */
  jobPath(path: string, info: Record<string, never>): string;
  /** when a job's result becomes visible to polls (epoch ms) */
  jobReadyAt(readyAt: number, info: { api: ApiDescriptor }): number;
  /** the body member that selects an action API, or undefined when the body has none */
  actionKey(found: string | undefined, info: { body: Record<string, unknown>; key: string }): string | undefined;
  /** a parameter value of the wrong JSON type */
  wrongTypeParam(verdict: ParamVerdict, info: { name: string; spec: ParamSpec; value: unknown }): ParamVerdict;

  // ---- API layer (execute.ts, validate.ts, query.ts) ----
  sessionValid(valid: boolean, info: { session: string | undefined }): boolean;
  /** whether a call the API refused still has its effect */
  runsDespiteRefusal(runs: boolean, info: { api: ApiDescriptor; error: ApiError['error'] }): boolean;
  /** the validation error (if any) of one string parameter */
  stringParamError(
    error: ApiError | undefined,
    info: { api: ApiDescriptor; name: string; value: string },
  ): ApiError | undefined;
  /** an API's effect; a hook may wrap it (run something before/after, or instead of it) */
  effect(run: EffectRun, info: { api: ApiDescriptor }): EffectRun;
  /** the state a valid stateEvent moves a resource to */
  nextState(next: string, info: { current: unknown; transitions: Record<string, string> }): string;
  /** a record an effect has just created (`before` undefined) or changed, before lastOpDate is bumped */
  applied(rec: StoredResource, info: { call: ApiCall; before?: Inventory }): StoredResource;
  /** a record whose lastOpDate has just been bumped to `now` from `previous` */
  stamped(rec: StoredResource, info: { now: number; previous: unknown }): StoredResource;
  /** an API's outcome, before it is rendered */
  outcome(outcome: ApiOutcome, info: { call: ApiCall }): ApiOutcome;
  /** whether queries show a soft-deleted record (a project between its delete and its expunge) */
  queryShowsSoftDeleted(shows: boolean, info: { resource: string }): boolean;
  /** the inventory a query sees for a record */
  queryView(inv: Inventory, info: { rec: StoredResource }): Inventory;
  /** the REST layer's refusal of a malformed condition, or undefined (the condition is then dropped) */
  conditionError(message: string | undefined, info: { cond: string }): string | undefined;
  /** whether a condition on a field the inventory lacks fails the query (SYS.1000) or is dropped */
  unknownFieldFails(fails: boolean, info: { field: string }): boolean;
  /** the collation key a query compares and sorts strings by */
  queryTextKey(key: string, info: { text: string; padSpace: boolean }): string;
  /** what a timestamp compares as in a condition: the instant (epoch ms; the zero date -Infinity) */
  queryTimestampKey(key: number | string, info: { sqlText: string }): number | string;
  /** whether a boolean condition's value keeps its quotes (IN lists: MariaDB converts the text, 'true' is 0) */
  queryBooleanQuoted(quoted: boolean, info: { op: string }): boolean;
  /** whether a condition matches a NULL field (only `is null` does) */
  nullMatches(matches: boolean, info: { op: string }): boolean;
  /** the sort a query applies (undefined: none) */
  querySort(sort: string | undefined, info: { api: string }): string | undefined;
  /** the page a query answers */
  queryPage(page: { start: number; limit: number }, info: { api: string }): { start: number; limit: number };
  /** the `total` a query answers; `tableSize`: the rows before any condition */
  queryTotal(total: number, info: { api: string; pageSize: number; tableSize: number }): number;
  /** the fields a query returns (undefined: all) */
  queryFields(fields: string[] | undefined, info: { api: string }): string[] | undefined;
  /** the uuid of a GET .../{uuid} (undefined: a query of all) */
  queryPathUuid(uuid: string | undefined, info: Record<string, never>): string | undefined;

  // ---- rendering (render.ts, handler.ts) ----
  timestampStyle(style: TimestampStyle, info: Record<string, never>): TimestampStyle;
  /** an inventory as it will be sent */
  inventory(inv: Inventory, info: { schemaName: string | undefined }): Inventory;
  /** the `schema` map entries, in order, of a reply of the API named */
  schemaMapEntries(entries: [string, string][], info: { api: string }): [string, string][];
  /** the reply of a finished API; `job`: it is an async job's result */
  reply(reply: RenderedReply, info: { outcome: ApiOutcome; job: boolean }): RenderedReply;
  /** a query's reply body */
  queryReply(body: Record<string, unknown>, info: { api: string }): Record<string, unknown>;
}

export type HookName = keyof Hooks;

const identity = <T>(value: T): T => value;

export const HONEST_HOOKS: Hooks = {
  answersAsync: identity,
  routeRejection: identity,
  checksAuthorization: identity,
  authorizationError: identity,
  jobUuidError: identity,
  jobId: identity,
  jobMethodAllowed: identity,
  unknownJobReply: identity,
  pendingBody: identity,
  webHookUrl: identity,
  runsDespiteRefusal: identity,
  conditionError: identity,
  unknownFieldFails: identity,
  queryTextKey: identity,
  queryTimestampKey: identity,
  queryBooleanQuoted: identity,
  nullMatches: identity,
  querySort: identity,
  queryPage: identity,
  queryTotal: identity,
  queryFields: identity,
  queryPathUuid: identity,
  jobPath: identity,
  jobReadyAt: identity,
  actionKey: identity,
  wrongTypeParam: identity,
  sessionValid: identity,
  stringParamError: identity,
  effect: identity,
  nextState: identity,
  applied: identity,
  stamped: identity,
  outcome: identity,
  queryShowsSoftDeleted: identity,
  queryView: identity,
  timestampStyle: identity,
  inventory: identity,
  schemaMapEntries: identity,
  reply: identity,
  queryReply: identity,
};

type AnyHook = (value: unknown, info: unknown) => unknown;

/** The honest hooks with each part's hooks chained after them, in the order given. */
export function composeHooks(parts: Partial<Hooks>[]): Hooks {
  const out = { ...HONEST_HOOKS } as unknown as Record<string, AnyHook>;
  for (const part of parts) {
    for (const [name, hook] of Object.entries(part) as [string, AnyHook][]) {
      const inner = out[name];
      out[name] = (value, info) => hook(inner(value, info), info);
    }
  }
  return out as unknown as Hooks;
}
