// The query language as properties, over organizations the run created and selects by its run tag: every
// answer is compared with the suite's own oracle (src/query-oracle) applied to the full list the target shows.
import fc from 'fast-check';
import { apiPath, findApi } from '../../../contracts/index.ts';
import type { Expectation, QueryExpectation } from '../../exchange/observation.ts';
import type { JsonObject } from '../../exchange/json.ts';
import { newUuid } from '../../client/zstack-client.ts';
import {
  conditionText,
  hasTies,
  parsesAsWritten,
  select,
  sortRanks,
  sortRows,
  type QueryCondition,
} from '../../query-oracle/oracle.ts';
import { parseConditionAsRestLayer } from '../../query-oracle/condition-parse.ts';
import { rawRequest } from '../../observe/raw.ts';
import { stepName, type CaseRecord, type PropertyEnv } from '../core.ts';
import type { PropertySpec } from '../property.ts';
import {
  fixtureArbitrary,
  fixtureRows,
  queryFixture,
  tagCondition,
  type FixtureSpec,
  type QueryFixture,
} from './fixture.ts';
import { conditionArbitrary, makeCondition, type ConditionRecipe } from './recipes.ts';
import { judgedQuery, uuids } from './judged.ts';

const FIXTURE_SIZE = { quick: 10, deep: 24 } as const;
const specs = new WeakMap<PropertyEnv, FixtureSpec>();

/** Draws the fixture from the run's seed (so a replay rebuilds the same one) and remembers it for run(). */
function drawFixture(env: PropertyEnv, opts: { deep: boolean; seed: number }): void {
  specs.set(
    env,
    fc.sample(fixtureArbitrary(FIXTURE_SIZE[opts.deep ? 'deep' : 'quick']), { seed: opts.seed, numRuns: 1 })[0],
  );
}

async function setup(rec: CaseRecord): Promise<{ f: QueryFixture; rows: JsonObject[] }> {
  const spec = specs.get(rec.env);
  if (!spec) throw new Error('query properties: no fixture drawn');
  const f = await queryFixture(rec.env, spec);
  return { f, rows: await fixtureRows(rec, f) };
}

/** Conditions a recipe list makes over the rows, keeping those ZStack reads back as written. */
const conditionsOf = (rows: readonly JsonObject[], recipes: readonly ConditionRecipe[]): QueryCondition[] =>
  recipes.map((r) => makeCondition(rows, r)).filter(parsesAsWritten);

export const queryConditionsMatchOracle: PropertySpec<{ conditions: ConditionRecipe[] }> = {
  name: 'queryConditionsMatchOracle',
  title: 'every query operator selects exactly the rows MariaDB with utf8_general_ci selects',
  rule: 'For =, !=, >, <, >=, <=, ?=, !?=, ~=, !~=, is null and not null on string fields, alone or ANDed, the answer MUST list exactly the resources the oracle selects: case- and accent-insensitive, trailing spaces ignored except by LIKE, NULL matched only by is null, LIKE with % _ and backslash escapes.',
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 30,
  arbitrary(env, opts) {
    drawFixture(env, opts);
    return fc.record({ conditions: fc.array(conditionArbitrary, { minLength: 1, maxLength: 2 }) });
  },
  async run(c, rec) {
    const { f, rows } = await setup(rec);
    const conds = conditionsOf(rows, c.conditions);
    if (conds.length === 0) return;
    const texts = conds.map(conditionText);
    await judgedQuery(
      rec,
      f,
      { q: [tagCondition(f), ...texts] },
      { uuids: { list: uuids(select(rows, conds)), ordered: false } },
      `q=${texts.join(' and q=')}`,
    );
  },
};

const SORT_FIELDS = ['name', 'description', 'type', 'state', 'uuid'] as const;

export const querySortOrdersAnswer: PropertySpec<{ field: string; desc: boolean; filter: ConditionRecipe | null }> = {
  name: 'querySortOrdersAnswer',
  title: 'sort=+field / -field orders the answer as utf8_general_ci does, NULLs first ascending',
  rule: "A query with sort=+f or -f MUST list the matching resources in the collation's order, NULL first ascending and last descending, ties in any order.",
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 12,
  arbitrary(env, opts) {
    drawFixture(env, opts);
    return fc.record({
      field: fc.constantFrom(...SORT_FIELDS),
      desc: fc.boolean(),
      filter: fc.option(conditionArbitrary, { nil: null }),
    });
  },
  async run(c, rec) {
    const { f, rows } = await setup(rec);
    const conds = c.filter ? conditionsOf(rows, [c.filter]) : [];
    const subset = select(rows, conds);
    const sort = `${c.desc ? '-' : '+'}${c.field}`;
    await judgedQuery(
      rec,
      f,
      { q: [tagCondition(f), ...conds.map(conditionText)], sort },
      { uuids: { list: uuids(subset), ordered: false }, ranks: sortRanks(subset, c.field, c.desc) },
      `sort=${sort}`,
    );
  },
};

export const queryPagesCoverSortedList: PropertySpec<{
  field: 'name' | 'uuid';
  desc: boolean;
  limit: number;
  replyWithCount: boolean;
  countStart: number;
  countLimit: number;
}> = {
  name: 'queryPagesCoverSortedList',
  title:
    'start/limit pages of a sorted query put together give the sorted list; count and replyWithCount give the total',
  rule: 'With sort on a field without ties, the pages start=0, L, 2L, … MUST each be that slice of the sorted list (no duplicate, no gap, an empty page past the end); replyWithCount=true MUST add total = all matches; count=true MUST answer only total = all matches, whatever start and limit.',
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 6,
  arbitrary(env, opts) {
    drawFixture(env, opts);
    return fc.record({
      field: fc.constantFrom<'name' | 'uuid'>('name', 'uuid'),
      desc: fc.boolean(),
      limit: fc.integer({ min: 1, max: 4 }),
      replyWithCount: fc.boolean(),
      countStart: fc.nat(12),
      countLimit: fc.nat(5),
    });
  },
  async run(c, rec) {
    const { f, rows } = await setup(rec);
    // Pages are only defined on a key without ties (the database may order tied rows differently per page).
    const field = hasTies(rows, c.field) ? 'uuid' : c.field;
    const sorted = uuids(sortRows(rows, field, c.desc));
    const sort = `${c.desc ? '-' : '+'}${field}`;
    for (let start = 0; start <= sorted.length; start += c.limit) {
      const expected: QueryExpectation = {
        uuids: { list: sorted.slice(start, start + c.limit), ordered: true },
        ...(c.replyWithCount ? { total: sorted.length } : {}),
      };
      await judgedQuery(
        rec,
        f,
        { q: [tagCondition(f)], sort, start, limit: c.limit, replyWithCount: c.replyWithCount },
        expected,
        `page start=${start} limit=${c.limit} of sort=${sort}`,
      );
    }
    await judgedQuery(
      rec,
      f,
      { q: [tagCondition(f)], count: true, start: c.countStart, limit: c.countLimit },
      { total: sorted.length, countOnly: true },
      'count=true',
    );
  },
};

const FIELDS = ['uuid', 'name', 'description', 'type', 'state', 'createDate', 'lastOpDate'] as const;

const project = (row: JsonObject, names: readonly string[]): JsonObject =>
  Object.fromEntries(names.filter((n) => row[n] !== undefined && row[n] !== null).map((n) => [n, row[n]]));

export const queryFieldsAndUuidPath: PropertySpec<{ fields: string[]; row: number; unknown: boolean }> = {
  name: 'queryFieldsAndUuidPath',
  title: 'fields returns only the fields asked for, and GET .../{uuid} answers what q=uuid= answers',
  rule: 'fields=a,b MUST return each inventory with only those fields, valued as the full inventory; GET .../{uuid} MUST answer exactly what q=uuid=<uuid> answers (one inventory, or none for a uuid that names nothing).',
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 10,
  arbitrary(env, opts) {
    drawFixture(env, opts);
    return fc.record({ fields: fc.subarray([...FIELDS], { minLength: 1 }), row: fc.nat(64), unknown: fc.boolean() });
  },
  async run(c, rec) {
    const { f, rows } = await setup(rec);
    await judgedQuery(
      rec,
      f,
      { q: [tagCondition(f)], fields: c.fields },
      { fields: { names: c.fields, projected: rows.map((r) => project(r, c.fields)) } },
      `fields=${c.fields.join(',')}`,
    );
    const uuid = c.unknown || rows.length === 0 ? newUuid() : String(rows[c.row % rows.length]['uuid']);
    const want = c.unknown ? [] : [uuid];
    const byCondition = await judgedQuery(
      rec,
      f,
      { q: [`uuid=${uuid}`] },
      { uuids: { list: want, ordered: false } },
      `q=uuid=${uuid}`,
    );
    if (byCondition === undefined) return;
    await judgedQuery(
      rec,
      f,
      { uuid },
      { uuids: { list: want, ordered: false }, sameAs: byCondition },
      `GET .../${uuid}`,
    );
  },
};

/** A malformed query: its URL parameters (besides the tag condition) and how ZStack refuses it. */
interface Malformed {
  label: string;
  params: Array<[string, string]>;
  rest: boolean;
}

const word = fc.array(fc.constantFrom(...'abcxyz019'), { minLength: 1, maxLength: 8 }).map((c) => c.join(''));
const notInteger = fc.constantFrom('1.0', '', ' ', 'abc', '2147483648', '1e3', '0x10');
const symbolOp = fc.constantFrom('=', '!=', '>', '<', '>=', '<=', '?=', '!?=', '~=', '!~=');

export const malformedArbitrary: fc.Arbitrary<Malformed> = fc.oneof(
  word.map((w) => ({ label: 'a condition without an operator', params: [['q', w]], rest: true })),
  // `=a` is refused by the REST layer, `  =a` is not: its field is empty once trimmed and fails in ZQL
  fc.tuple(symbolOp, word, fc.constantFrom('', ' ', '  ')).map(([op, v, sp]) => {
    const cond = `${sp}${op}${v}`;
    return parseConditionAsRestLayer(cond).kind === 'rest-refusal'
      ? { label: 'a condition without a field', params: [['q', cond]], rest: true }
      : { label: 'a condition whose field is empty once trimmed', params: [['q', cond]], rest: false };
  }),
  fc
    .tuple(fc.constantFrom('limit', 'start'), notInteger)
    .map(([p, v]) => ({ label: `a ${p} that is not an integer`, params: [[p, v]], rest: true })),
  fc
    .constantFrom(',', ',,', ' , ')
    .map((v) => ({ label: 'fields naming no field', params: [['fields', v]], rest: true })),
  word.map((w) => ({ label: 'an unknown field in q', params: [['q', `zcNo${w}=x`]], rest: false })),
  fc
    .tuple(fc.constantFrom('+', '-', ''), word)
    .map(([d, w]) => ({ label: 'an unknown sort field', params: [['sort', `${d}zcNo${w}`]], rest: false })),
  word.map((w) => ({ label: 'an unknown field in fields', params: [['fields', `name,zcNo${w}`]], rest: false })),
  word.map((w) => ({
    label: 'a field name with a character outside [A-Za-z0-9_]',
    params: [['q', `na-${w}=x`]],
    rest: false,
  })),
  fc.constantFrom('sort', 'fields').map((p) => ({ label: `an empty ${p}`, params: [[p, '']], rest: false })),
  word.map((w) => ({ label: 'a value with a single quote', params: [['q', `name=${w}'`]], rest: false })),
  fc
    .tuple(fc.constantFrom('limit', 'start'), fc.integer({ min: 1, max: 5 }))
    .map(([p, n]) => ({ label: `a negative ${p}`, params: [[p, String(-n)]], rest: false })),
) as fc.Arbitrary<Malformed>;

const tags = new WeakMap<PropertyEnv, string>();
const malformedTag = (env: PropertyEnv): string => {
  let t = tags.get(env);
  if (t === undefined) tags.set(env, (t = `${env.kit.name('q')}-`));
  return t;
};

export const malformedQueriesRefused: PropertySpec<Malformed> = {
  name: 'malformedQueriesRefused',
  title: 'malformed queries are refused the way ZStack refuses them',
  rule: 'A condition without an operator or one the REST layer cannot split into field and value (`=x`), a limit/start that is not an integer and fields naming no field MUST get 400 from the REST layer; an unknown field in q, sort or fields, a bad field name, a field empty once trimmed (`  =x`), an empty sort/fields, a quote in a value and a negative limit/start MUST fail with 503 SYS.1000.',
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 30,
  arbitrary() {
    return malformedArbitrary;
  },
  async run(c, rec) {
    const zs = rec.zs;
    // no fixture needed: the run tag keeps the answer small should a target accept the query
    const api = findApi(zs.contracts, 'IAM2Organization', 'query');
    const f = { tag: malformedTag(rec.env), queryApi: api.name, uuids: [] };
    const search = new URLSearchParams([['q', tagCondition(f)], ...c.params]);
    const request = rawRequest(zs, 'GET', apiPath(api, {}) + '?' + search.toString());
    const expect: Expectation = c.rest
      ? { kind: 'rest-rejection', statuses: [400], why: c.label }
      : { kind: 'api-rejection', code: 'SYS.1000', why: c.label };
    rec.judge(stepName(f.queryApi, `${c.label}: ${search.toString()}`), [
      { api, exchange: await zs.send(api.name, request), sent: Object.fromEntries(c.params), expect },
    ]);
  },
};
