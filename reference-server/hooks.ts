// The named points where the fault layer (faults/) may bend the honest server. Every hook is a transform
// `(value, info) => value`: the honest code computes a value, passes it through its hook and uses what comes
// back. With no fault installed every hook is the identity, so the honest code path is the behaviour.
// To add a hook point: a member here, its identity in HONEST_HOOKS, one call in the honest code.
import type { ApiDescriptor, ParamSpec } from '../contracts/index.ts';
import type { ApiError } from './errors.ts';
import type { ApiOutcome, RenderedReply } from './outcome.ts';
import type { ApiCall } from './resources/types.ts';
import type { Inventory, StoredResource } from './store.ts';
import type { TimestampStyle } from './timestamps.ts';

/** An API's effect on the store: the record it returns (rendered as the reply's inventory) or none. */
export type EffectRun = (call: ApiCall) => StoredResource | undefined;

/** What the REST layer does with a parameter value it cannot take: refuse it (throw) or take a value. */
export type ParamVerdict = { refuse: Error } | { take: unknown };

export interface Hooks {
  // ---- REST layer (handler.ts, wire.ts) ----
  /** whether an API answers 202 + job (true) or its result directly */
  answersAsync(async: boolean, info: { api: ApiDescriptor }): boolean;
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
  /** the validation error (if any) of one string parameter */
  stringParamError(error: ApiError | undefined, info: { api: ApiDescriptor; name: string; value: string }): ApiError | undefined;
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
  /** the inventory a query sees for a record */
  queryView(inv: Inventory, info: { rec: StoredResource }): Inventory;

  // ---- rendering (render.ts, handler.ts) ----
  timestampStyle(style: TimestampStyle, info: Record<string, never>): TimestampStyle;
  /** an inventory as it will be sent */
  inventory(inv: Inventory, info: { schemaName: string | undefined }): Inventory;
  /** the `schema` map entries, in order */
  schemaMapEntries(entries: [string, string][], info: Record<string, never>): [string, string][];
  /** the reply of a finished API; `job`: it is an async job's result */
  reply(reply: RenderedReply, info: { outcome: ApiOutcome; job: boolean }): RenderedReply;
  /** a query's reply body */
  queryReply(body: Record<string, unknown>, info: Record<string, never>): Record<string, unknown>;
}

export type HookName = keyof Hooks;

const identity = <T>(value: T): T => value;

export const HONEST_HOOKS: Hooks = {
  answersAsync: identity,
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
