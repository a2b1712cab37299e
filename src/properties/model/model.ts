// The model of the lifecycle property: which resources the case made, the inventory each last showed, and
// which are deleted. It is not a copy of the server: it holds what the suite saw and what must follow from
// it; the rules themselves are the checks (stateEventApplied, unchangedFieldsKept, queryShowsLastInventory,
// resourceGoneAfterDelete, repeatedDeleteSucceeds, rejectedWithErrorCode, ...).
import type fc from 'fast-check';
import type { Exchange } from '../../exchange/exchange.ts';
import type { JsonObject } from '../../exchange/json.ts';
import type { Observation } from '../../exchange/observation.ts';
import type { CaseRecord } from '../core.ts';
import type { ResourceProfile } from '../targets.ts';

export interface Entry {
  /** org1, flow2, ...: the name steps and reports use */
  label: string;
  resource: string;
  uuid: string;
  /** the inventory the last reply or query showed */
  last: JsonObject | undefined;
  deleted: boolean;
  /** the delete that removed it (re-judged when a later query still finds it) */
  deletion?: Exchange;
}

export interface LifecycleModel {
  entries: Entry[];
  made: Record<string, number>;
}

export type LifecycleCommand = fc.AsyncCommand<LifecycleModel, CaseRecord, false>;

export const MAX_LIVE_PER_RESOURCE = 3;

export const newModel = (): LifecycleModel => ({ entries: [], made: {} });

export const entriesOf = (m: Readonly<LifecycleModel>, resource: string): Entry[] =>
  m.entries.filter((e) => e.resource === resource);

/** The entry a command's position picks (commands take a position, not a uuid that may not exist). */
export function pick(m: LifecycleModel, profile: ResourceProfile, position: number): Entry {
  const list = entriesOf(m, profile.resource);
  return list[position % list.length];
}

/** The expectation for an action on an entry: success while it lives, SYS.1003 once deleted. */
export const actionExpectation = (e: Entry) =>
  e.deleted
    ? { kind: 'api-rejection' as const, code: 'SYS.1003', why: `${e.label} was deleted` }
    : { kind: 'success' as const };

/** observe() returns [call, query before, query after]: the query before must show the last inventory seen. */
export function expectLastBefore(e: Entry, obs: Observation[]): void {
  const before = obs.find((o, i) => i > 0 && o.api.kind === 'query');
  if (before && e.last && !e.deleted) before.before = e.last;
}

/** After a successful call the model's last view is the query after it (or the reply). */
export function remember(e: Entry, main: Observation): void {
  if (e.deleted || main.exchange.final.status !== 200) return;
  const reply = (main.exchange.final.json as { inventory?: JsonObject } | undefined)?.inventory;
  e.last = main.after ?? reply ?? e.last;
}
