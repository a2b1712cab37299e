// The per-API interactions, generated from the descriptors as the derived tests are: for every state-event API
// each event of its transitions (the call's 202 and the job's inventory in the state the event names), an event
// outside the allowed ones (SYS.1007) and an unknown uuid (SYS.1003); for every update API an update of its
// string and Boolean fields; for every query with a by-uuid path the query of a fresh resource. Only APIs whose
// resource has a create (the provider states make one) are covered here.
import { MatchersV3 } from '@pact-foundation/pact';
import { apisOf, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';
import {
  accepted,
  authorization,
  jobPath,
  pollExampleJob,
  statePath,
  type ExerciseContext,
  type InteractionSpec,
} from './interaction-spec.ts';
import { EXAMPLE_UUID, SchemaMatchers } from './matchers.ts';
import { STATES } from './states.ts';
import type { WireResponse } from '../exchange/exchange.ts';

const { like, eachLike } = MatchersV3;

const pathAt = (api: ApiDescriptor): Record<string, string> =>
  Object.fromEntries(
    Object.entries(api.params)
      .filter(([, p]) => p.in === 'path')
      .map(([n]) => [n, EXAMPLE_UUID]),
  );

/**
 * The string and Boolean fields an update sets (lists need uuids of the target: left to the scenarios), one of each.
 */
export function updateFieldsOf(api: ApiDescriptor): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  const fields = Object.keys(api.effect?.fields ?? {});
  const str = fields.find((f) => api.params[f]?.type === 'string' && !api.params[f]?.enum);
  const bool = fields.find((f) => api.params[f]?.type === 'boolean');
  if (str) out[str] = `zc-pact-${str}`;
  if (bool) out[bool] = true;
  return out;
}

/** What the interactions of one API are written with: matchers for inventories and errors, the call itself. */
interface Writing {
  inventory(schema: string, fixed?: Record<string, unknown>): unknown;
  error(code: string): unknown;
  /** the API's call with these params, as the consumer's client makes it */
  call(params: Record<string, unknown>): (ctx: ExerciseContext) => Promise<WireResponse>;
}

export function derivedInteractions(contracts: Contracts, targetVersion: string): InteractionSpec[] {
  const m = new SchemaMatchers(contracts);
  const hasCreate = (resource: string): boolean => apisOf(contracts, resource).some((a) => a.kind === 'create');
  const specs: InteractionSpec[] = [];
  for (const a of contracts.apis.values()) {
    if (!hasCreate(a.resource)) continue;
    const w: Writing = {
      inventory: (schema, fixed) => m.forSchema(schema, { version: targetVersion, ...(fixed ? { fixed } : {}) }),
      error: (code) => ({ error: m.forSchema('ErrorCode', { fixed: { code } }) }),
      call:
        (params) =>
        async ({ zs }) =>
          (await zs.call(a.name, { ...pathAt(a), ...params }, { followJob: false })).final,
    };
    if (a.kind === 'action' && a.effect?.kind === 'stateEvent') specs.push(...stateEventInteractions(a, a.effect, w));
    if (a.kind === 'action' && a.effect?.kind === 'update') specs.push(...updateInteractions(a, w));
    if (a.kind === 'query' && a.pathWithUuid && a.reply.schema) specs.push(queryByUuidInteraction(a, w));
  }
  return specs;
}

type Effect = NonNullable<ApiDescriptor['effect']>;

/** Each state event from a state it changes, an event outside the allowed values, and an unknown resource. */
function stateEventInteractions(a: ApiDescriptor, effect: Effect, w: Writing): InteractionSpec[] {
  const param = effect.param as string;
  const transitions = effect.transitions ?? {};
  const events = Object.keys(transitions);
  return [
    ...events.flatMap((event) => eventInteractions(a, effect, w, event)),
    ...invalidEventInteractions(a, w, param, events, transitions),
    ...unknownResourceInteractions(a, w, param, events),
  ];
}

type Transitions = NonNullable<Effect['transitions']>;

/** One event from the state another event leads to (so it changes something), and its finished job. */
function eventInteractions(
  a: ApiDescriptor,
  effect: Effect,
  { inventory, call }: Writing,
  event: string,
): InteractionSpec[] {
  const key = a.bodyKey as string;
  const param = effect.param as string;
  const transitions = effect.transitions ?? {};
  const to = transitions[event];
  // from the state another event leads to, so the event changes something
  const from = Object.values(transitions).find((s) => s !== to) ?? to;
  const body = { [param]: event };
  return [
    {
      api: a.name,
      kind: 'call',
      description: `${a.name} ${event} on a ${a.resource} in state ${from}`,
      states: [{ name: STATES.resourceInState, params: { resource: a.resource, state: from } }],
      request: { method: a.method, path: statePath(a), headers: authorization(), body: { [key]: body } },
      response: accepted,
      exercise: call(body),
    },
    {
      api: a.name,
      kind: 'job',
      description: `the finished job of ${a.name} ${event} on a ${a.resource} in state ${from}`,
      states: [
        {
          name: STATES.actionJobInState,
          params: { api: a.name, resource: a.resource, state: from, params: JSON.stringify(body) },
        },
      ],
      request: { method: 'GET', path: jobPath() },
      response: {
        status: 200,
        body: { inventory: inventory(a.reply.schema as string, { [effect.field ?? 'state']: to }) },
      },
      exercise: pollExampleJob,
    },
  ];
}

/** An event outside the allowed values: accepted, then the job fails SYS.1007. */
function invalidEventInteractions(
  a: ApiDescriptor,
  { error, call }: Writing,
  param: string,
  events: string[],
  transitions: Transitions,
): InteractionSpec[] {
  const key = a.bodyKey as string;
  const bad = { [param]: `not-${events[0]}` };
  const from = Object.values(transitions)[0];
  return [
    {
      api: a.name,
      kind: 'call',
      description: `${a.name} with ${param} "${bad[param]}", which is not one of the allowed values`,
      states: [{ name: STATES.resourceInState, params: { resource: a.resource, state: from } }],
      request: { method: a.method, path: statePath(a), headers: authorization(), body: { [key]: bad } },
      response: accepted,
      exercise: call(bad),
    },
    {
      api: a.name,
      kind: 'job',
      description: `the failed job of ${a.name} with ${param} "${bad[param]}" (SYS.1007 invalid argument)`,
      states: [
        {
          name: STATES.actionJobInState,
          params: { api: a.name, resource: a.resource, state: from, params: JSON.stringify(bad) },
        },
      ],
      request: { method: 'GET', path: jobPath() },
      response: { status: 503, body: error('SYS.1007') },
      exercise: pollExampleJob,
    },
  ];
}

/** An allowed event on a uuid naming no resource: accepted, then the job fails SYS.1003. */
function unknownResourceInteractions(
  a: ApiDescriptor,
  { error, call }: Writing,
  param: string,
  events: string[],
): InteractionSpec[] {
  const key = a.bodyKey as string;
  const good = { [param]: events[events.length - 1] };
  return [
    {
      api: a.name,
      kind: 'call',
      description: `${a.name} on a uuid that names no ${a.resource}`,
      states: [{ name: STATES.unknownResource, params: { resource: a.resource } }],
      request: { method: a.method, path: statePath(a), headers: authorization(), body: { [key]: good } },
      response: accepted,
      exercise: call(good),
    },
    {
      api: a.name,
      kind: 'job',
      description: `the failed job of ${a.name} on an unknown ${a.resource} (SYS.1003 resource not found)`,
      states: [
        {
          name: STATES.unknownResourceJob,
          params: { api: a.name, resource: a.resource, params: JSON.stringify(good) },
        },
      ],
      request: { method: 'GET', path: jobPath() },
      response: { status: 503, body: error('SYS.1003') },
      exercise: pollExampleJob,
    },
  ];
}

/** An update of one string and one Boolean field, and the finished job showing them set. */
function updateInteractions(a: ApiDescriptor, { inventory, call }: Writing): InteractionSpec[] {
  const key = a.bodyKey as string;
  const sent = updateFieldsOf(a);
  if (Object.keys(sent).length === 0) return [];
  const names = Object.keys(sent).join(' and ');
  // an update changes the fields it is sent (docs/zstack-protocol.md#updates): the reply shows them, with their
  // types
  const fixed = Object.fromEntries(Object.entries(sent).map(([k, v]) => [a.effect?.fields?.[k] ?? k, v]));
  return [
    {
      api: a.name,
      kind: 'call',
      description: `${a.name} of ${names}`,
      states: [{ name: STATES.resourceExists, params: { resource: a.resource } }],
      request: {
        method: a.method,
        path: statePath(a),
        headers: authorization(),
        body: { [key]: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, like(v)])) },
      },
      response: accepted,
      exercise: call(sent),
    },
    {
      api: a.name,
      kind: 'job',
      description: `the finished job of ${a.name} that set ${names}`,
      states: [{ name: STATES.actionJob, params: { api: a.name, resource: a.resource, params: JSON.stringify(sent) } }],
      request: { method: 'GET', path: jobPath() },
      response: { status: 200, body: { inventory: inventory(a.reply.schema as string, fixed) } },
      exercise: pollExampleJob,
    },
  ];
}

function queryByUuidInteraction(a: ApiDescriptor, { inventory }: Writing): InteractionSpec {
  return {
    api: a.name,
    kind: 'sync',
    description: `${a.name} by uuid`,
    states: [{ name: STATES.resourceExists, params: { resource: a.resource } }],
    request: { method: 'GET', path: statePath(a, EXAMPLE_UUID, true), headers: authorization() },
    // the schema map is what the official SDK types query results with (docs/zstack-protocol.md#the-schema-map)
    response: { status: 200, body: { inventories: eachLike(inventory(a.reply.schema as string)), schema: like({}) } },
    async exercise({ zs }) {
      return (await zs.query(a.name, { uuid: EXAMPLE_UUID })).final;
    },
  };
}
