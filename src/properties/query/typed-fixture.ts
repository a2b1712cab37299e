// The rows the typed query properties (timestamps, booleans) run over: a few resources of each inventory a
// property names, all named `<tag><n>` with one run-tagged prefix, so `q=name~=<tag>%` on each query API selects
// them and nothing else on a shared server. For timestamps they are made in two waves a second apart, so their
// createDates differ at the database's one-second resolution. Made once per property run; the env's kit deletes
// them.
import { findApi, type JsonSchema } from '../../../contracts/index.ts';
import { dereference } from '../../contract-model/schemas.ts';
import { mapInFlight } from '../../client/in-flight.ts';
import { validParams, prepareRefs, type Refs } from '../../resources/fresh.ts';
import type { JsonObject } from '../../exchange/json.ts';
import type { FieldTypes } from '../../query-oracle/oracle.ts';
import type { CaseRecord, PropertyEnv } from '../core.ts';
import { fixtureRows, type QueryFixture } from './fixture.ts';

/** What to make of one inventory: per row, the extra create parameters (e.g. isDefault), in creation order. */
export interface TypedSetSpec {
  resource: string;
  rows: ReadonlyArray<Record<string, unknown>>;
}

/** The sets of one property, and whether a second must pass between the first and the second half of each. */
export interface TypedFixtureSpec {
  sets: readonly TypedSetSpec[];
  twoWaves: boolean;
}

/** One inventory's rows: its query API, the uuids made, and the types of its timestamp and boolean fields. */
export interface TypedSet extends QueryFixture {
  resource: string;
  types: FieldTypes;
}

/** The time between the waves: a second boundary always passes between them, on any server clock. */
const WAVE_GAP_MS = 1000;

/** The non-string scalar fields of an inventory schema, as the oracle types them (numbers: none is modelled). */
export function fieldTypesOf(env: PropertyEnv, schemaName: string): FieldTypes {
  const schema = env.contracts.schemas.get(schemaName);
  if (!schema) throw new Error(`query properties: no schema ${schemaName}`);
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const types: Record<string, 'timestamp' | 'boolean'> = {};
  for (const [name, s] of Object.entries(props)) {
    const d = dereference(env.contracts, s);
    if (d['format'] === 'zstack-timestamp') types[name] = 'timestamp';
    else if (d['type'] === 'boolean') types[name] = 'boolean';
  }
  return types;
}

const fixtures = new WeakMap<PropertyEnv, Promise<TypedSet[]>>();

/** Creates the sets once per property run (with two waves: the first half of each set, a second's pause, the rest). */
export function typedFixture(env: PropertyEnv, spec: TypedFixtureSpec): Promise<TypedSet[]> {
  let f = fixtures.get(env);
  if (!f) {
    f = (async () => {
      const tag = `${env.kit.name('q')}-`;
      const ctx = { zs: env.zs, kit: env.kit };
      const refs: Refs = new Map();
      const sets = spec.sets.map((s) => {
        const query = findApi(env.contracts, s.resource, 'query');
        return {
          spec: s,
          create: findApi(env.contracts, s.resource, 'create'),
          set: { resource: s.resource, tag, queryApi: query.name, uuids: [] as string[], types: {} as FieldTypes },
        };
      });
      // a project and its approver first, for the inventories that live in one (flow collections)
      for (const { create } of sets) await prepareRefs(ctx, create, refs);
      let n = 0;
      for (const wave of spec.twoWaves ? [0, 1] : [-1]) {
        if (wave === 1) await new Promise((r) => setTimeout(r, WAVE_GAP_MS));
        const jobs = sets.flatMap(({ spec: s, create, set }) => {
          const half = Math.ceil(s.rows.length / 2);
          const rows = wave === -1 ? s.rows : wave === 0 ? s.rows.slice(0, half) : s.rows.slice(half);
          return rows.map((extra) => ({
            create,
            set,
            params: { name: `${tag}${++n}`, ...extra },
          }));
        });
        const made = await mapInFlight(jobs, env.zs.config.casesInFlight, async (j) => {
          const params = { ...(await validParams(ctx, j.create, refs)), ...j.params };
          return String((await env.kit.create(j.set.resource, params))['uuid']);
        });
        jobs.forEach((j, i) => j.set.uuids.push(made[i]));
      }
      return sets.map(({ set }) => {
        const schema = findApi(env.contracts, set.resource, 'query').reply.schema;
        return { ...set, types: schema ? fieldTypesOf(env, schema) : {} };
      });
    })();
    fixtures.set(env, f);
  }
  return f;
}

/** One set (by index, modulo the count) and its rows as the target lists them (that query must list exactly them). */
export async function typedSet(
  rec: CaseRecord,
  spec: TypedFixtureSpec,
  index: number,
): Promise<{ set: TypedSet; rows: JsonObject[] }> {
  const sets = await typedFixture(rec.env, spec);
  const set = sets[index % sets.length];
  return { set, rows: await fixtureRows(rec, set) };
}
