// Tests derived from a descriptor alone, for every API the contracts hold (no hand-written scenario needed):
// the generic rules (reply schema, null error on success, ErrorCode on failure, REST-layer rejections, ID.1001,
// an unknown uuid's SYS.1003, repeated delete), the state events of its transitions, the updates of its
// fields, creates and queries. Each is a Scenario, judged by every check like the hand-written ones.
import { apisOf, sinceOf, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';
import { rejectionRules } from '../contract-model/rejection-rules.ts';
import { newUuid } from '../client/zstack-client.ts';
import { observeInto, observeQuery, type ObserveOptions } from '../observe/observe.ts';
import { createObserved, nextSecond, type Scenario, type ScenarioContext } from './scenario.ts';
import { freshResource, pathAt, prepareRefs, validParams, validValue, type Refs } from '../resources/fresh.ts';

const queryOf = (contracts: Contracts, resource: string): ApiDescriptor | undefined =>
  apisOf(contracts, resource).find((a) => a.kind === 'query');
const createOf = (contracts: Contracts, resource: string): ApiDescriptor | undefined =>
  apisOf(contracts, resource).find((a) => a.kind === 'create');
const uses = (contracts: Contracts, a: ApiDescriptor): string[] =>
  [createOf(contracts, a.resource), queryOf(contracts, a.resource)]
    .filter((x): x is ApiDescriptor => x !== undefined && x.name !== a.name)
    .map((x) => x.name);

/** The resource an API works on, made fresh for the test (with its path parameters pointing at it). */
async function target(
  ctx: ScenarioContext,
  a: ApiDescriptor,
  refs: Refs,
): Promise<{ uuid: string; path: Record<string, string> }> {
  const inv = await freshResource(ctx, a.resource, refs);
  const uuid = inv['uuid'] as string;
  refs.set(a.resource, uuid);
  return { uuid, path: pathAt(a, uuid) };
}

function stateEvents(contracts: Contracts, a: ApiDescriptor): Scenario {
  const e = a.effect!;
  const events = Object.keys(e.transitions ?? {});
  return {
    title: `${a.name} (derived): each state event of its transitions, sent twice, leaves the ${a.resource} in the state it names`,
    apis: [a.name, ...uses(contracts, a)],
    since: sinceOf(a),
    description: `${events.map((ev) => `${e.param}=${ev} MUST leave ${e.field} ${e.transitions?.[ev]}`).join(', ')}, a repeat is idempotent; every other field MUST stay, lastOpDate MUST NOT go back.`,
    async run(ctx) {
      const refs: Refs = new Map();
      const t = await target(ctx, a, refs);
      const rest = await validParams(ctx, a, refs);
      await nextSecond();
      // away from the state it was created in first, then back, each twice
      for (const ev of [...events].reverse().flatMap((x) => [x, x])) {
        await observeInto(ctx, a.name, { ...rest, ...t.path, [e.param as string]: ev }, { uuid: t.uuid });
      }
    },
  };
}

function updates(contracts: Contracts, a: ApiDescriptor): Scenario {
  const fields = Object.keys(a.effect?.fields ?? {});
  return {
    title: `${a.name} (derived): each field it updates shows its new value, one at a time, and an empty update changes nothing`,
    apis: [a.name, ...uses(contracts, a)],
    since: sinceOf(a),
    description: `each of ${fields.join(', ')} sent alone MUST show its new value in the reply and the next query; every field not sent MUST stay; lastOpDate MUST NOT go back.`,
    async run(ctx) {
      const refs: Refs = new Map();
      const t = await target(ctx, a, refs);
      await nextSecond();
      for (const f of fields) {
        const value = await validValue(ctx, f, a.params[f], refs);
        // a list parameter of structures gets one item at least, so the update is visible
        const sent =
          Array.isArray(value) && value.length === 0
            ? await validValue(ctx, f, { ...a.params[f], minItems: 1 }, refs)
            : value;
        await observeInto(
          ctx,
          a.name,
          { ...t.path, [f]: f === 'name' ? ctx.kit.name('renamed') : sent },
          { uuid: t.uuid },
        );
      }
      await observeInto(ctx, a.name, { ...t.path }, { uuid: t.uuid });
    },
  };
}

function creates(contracts: Contracts, a: ApiDescriptor): Scenario {
  return {
    title: `${a.name} (derived): creates a ${a.resource} with the fields it is sent, and the query shows it`,
    apis: [a.name, ...uses(contracts, a)],
    since: sinceOf(a),
    description:
      'a create with every required parameter (and name and description) MUST succeed with an inventory that matches the schema and shows each field sent, in the reply and the next query.',
    async run(ctx) {
      const refs: Refs = new Map();
      await prepareRefs(ctx, a, refs);
      const also = Object.keys(a.params).filter((n) => n === 'name' || n === 'description');
      await createObserved(ctx, a.resource, await validParams(ctx, a, refs, also));
    },
  };
}

function deletes(contracts: Contracts, a: ApiDescriptor): Scenario {
  const expunge =
    a.effect?.softDelete === true ? apisOf(contracts, a.resource).find((x) => x.effect?.kind === 'expunge') : undefined;
  const soft = expunge !== undefined;
  return {
    title: soft
      ? `${a.name} (derived): deletes a ${a.resource}, which stays queryable in state ${a.effect?.deletedState ?? '?'} until ${expunge.name} removes it, and deleting a uuid that names nothing succeeds`
      : `${a.name} (derived): deletes a ${a.resource}, deleting it again succeeds, and deleting a uuid that names nothing succeeds`,
    apis: [a.name, ...(expunge ? [expunge.name] : []), ...uses(contracts, a)],
    since: sinceOf(a),
    description: soft
      ? `delete MUST succeed and the query MUST still find it in state ${a.effect?.deletedState ?? '?'}; after ${expunge.name} the query MUST no longer find it; a delete of a well-formed unknown uuid MUST succeed (successIfResourceNotExisting).`
      : 'delete MUST succeed and the query MUST no longer find it; a second delete MUST succeed; a delete of a well-formed unknown uuid MUST succeed (successIfResourceNotExisting).',
    async run(ctx) {
      const t = await target(ctx, a, new Map());
      await observeInto(ctx, a.name, { ...t.path }, { uuid: t.uuid });
      if (expunge) {
        const removed = await observeInto(ctx, expunge.name, pathAt(expunge, t.uuid), { uuid: t.uuid });
        if (removed.exchange.final.status === 200) ctx.kit.forget(t.uuid);
      } else {
        ctx.kit.forget(t.uuid);
        await observeInto(ctx, a.name, { ...t.path }, { expect: { kind: 'repeat-delete' } });
      }
      await observeInto(ctx, a.name, pathAt(a, newUuid()), { expect: { kind: 'repeat-delete' } });
    },
  };
}

function queries(contracts: Contracts, a: ApiDescriptor): Scenario {
  return {
    title: `${a.name} (derived): lists ${a.resource}s and finds a fresh one by uuid as its create returned it`,
    apis: [a.name, ...uses(contracts, a)],
    since: sinceOf(a),
    description:
      'a query MUST answer 200 with inventories that match the schema; by uuid it MUST show the resource as its create returned it; an unknown session MUST get ID.1001 at once, no Authorization 400.',
    async run(ctx) {
      const inv = await freshResource(ctx, a.resource);
      await observeQuery(ctx, a.resource, inv['uuid'] as string, inv);
      ctx.record.push({
        api: a,
        exchange: await ctx.zs.query(a.name, { limit: 5 }),
        sent: {},
        expect: { kind: 'success' },
      });
      ctx.record.push({
        api: a,
        exchange: await ctx.zs.query(a.name, { session: newUuid() }),
        sent: {},
        expect: { kind: 'invalid-session' },
      });
      ctx.record.push({
        api: a,
        exchange: await ctx.zs.query(a.name, { session: null }),
        sent: {},
        expect: { kind: 'rest-rejection', statuses: [400], why: 'no Authorization header' },
      });
    },
  };
}

/**
 * Bad input of every kind the descriptor allows to derive, each refused in ZStack's way, none changing the resource.
 */
function rejections(contracts: Contracts, a: ApiDescriptor): Scenario {
  const onResource = a.kind !== 'create';
  return {
    title: `${a.name} (derived): refuses bad input in ZStack's way and changes nothing`,
    apis: [a.name, ...uses(contracts, a)],
    since: sinceOf(a),
    description:
      'an unknown session MUST fail with ID.1001 and no Authorization MUST get 400; a mis-cased action key MUST get 400; a missing required value, a value outside the allowed ones and an over-long string MUST fail with SYS.1007, a non-boolean Boolean MUST get 400, an unknown referenced uuid SYS.1003; none of them may change the resource.',
    async run(ctx) {
      const refs: Refs = new Map();
      const t = onResource ? await target(ctx, a, refs) : undefined;
      await prepareRefs(ctx, a, refs);
      const good = { ...(await validParams(ctx, a, refs)), ...(t?.path ?? {}) };
      const call = async (params: Record<string, unknown>, o: ObserveOptions) =>
        await observeInto(ctx, a.name, params, { ...(t ? { uuid: t.uuid } : {}), ...o });
      await call(good, { session: newUuid(), expect: { kind: 'invalid-session' } });
      await call(good, {
        session: null,
        expect: { kind: 'rest-rejection', statuses: [400], why: 'no Authorization header' },
      });
      if (a.bodyKey && a.bodyKey !== a.bodyKey.toLowerCase()) {
        await call(good, {
          bodyKeyOverride: a.bodyKey.toLowerCase(),
          expect: { kind: 'rest-rejection', statuses: [400], why: 'lower-case action key' },
        });
      }
      // the refusals the descriptor lets the suite demand (src/contract-model/rejection-rules.ts); wrong JSON shapes
      // and list items are the invalid-input property's
      for (const r of rejectionRules(contracts, a)) {
        switch (r.kind) {
          case 'required': {
            const without = { ...good };
            delete without[r.param];
            await call(without, { expect: { kind: 'api-rejection', code: 'SYS.1007', why: `missing ${r.param}` } });
            break;
          }
          case 'enum':
            await call(
              { ...good, [r.param]: `not-${r.values[0]}` },
              { expect: { kind: 'api-rejection', code: 'SYS.1007', why: `${r.param} outside ${r.values.join(', ')}` } },
            );
            break;
          case 'maxLength':
            await call(
              { ...good, [r.param]: 'n'.repeat(r.max + 1) },
              { expect: { kind: 'api-rejection', code: 'SYS.1007', why: `a ${r.max + 1}-character ${r.param}` } },
            );
            break;
          case 'boolean':
            await call(
              { ...good, [r.param]: 'maybe' },
              { expect: { kind: 'rest-rejection', statuses: [400], why: `${r.param} "maybe"` } },
            );
            break;
          case 'references': {
            const inPath = a.params[r.param]?.in === 'path';
            await call(
              { ...good, [r.param]: newUuid() },
              {
                ...(inPath ? { uuid: undefined } : {}),
                expect: { kind: 'api-rejection', code: 'SYS.1003', why: `unknown ${r.param}` },
              },
            );
            break;
          }
          default:
            break;
        }
      }
    },
  };
}

/**
 * The derived scenarios of one API, by its descriptor; login and logout need credentials and have their own scenario.
 */
export function derivedScenariosOf(contracts: Contracts, a: ApiDescriptor): Scenario[] {
  if (a.kind === 'login' || a.kind === 'logout') return [];
  const hasCreate = createOf(contracts, a.resource) !== undefined;
  const out: Scenario[] = [];
  if (a.kind === 'query') return hasCreate ? [queries(contracts, a)] : [];
  if (a.kind !== 'create' && !hasCreate) return [];
  if (a.effect?.kind === 'stateEvent') out.push(stateEvents(contracts, a));
  if (a.effect?.kind === 'update') out.push(updates(contracts, a));
  if (a.kind === 'create') out.push(creates(contracts, a));
  if (a.kind === 'delete') out.push(deletes(contracts, a));
  out.push(rejections(contracts, a));
  return out;
}

export function derivedScenarios(contracts: Contracts): Scenario[] {
  return [...contracts.apis.values()].flatMap((a) => derivedScenariosOf(contracts, a));
}
