// The query language on timestamps and booleans, as properties over IAM2 inventories the run creates and selects
// by its run tag (docs/zstack-protocol.md#value-typing): every answer, its count and its pages are compared with
// the suite's oracle applied to the rows the target listed. The inventories have no numeric field, so numbers are
// not covered.
import fc from 'fast-check';
import type { QueryOptions } from '../../client/zstack-client.ts';
import { conditionText, refusal, select, sortRows, type QueryCondition } from '../../query-oracle/oracle.ts';
import type { JsonObject } from '../../exchange/json.ts';
import type { CaseRecord } from '../core.ts';
import type { PropertySpec } from '../property.ts';
import { tagCondition } from './fixture.ts';
import { judgedExchange, judgedQuery, uuids } from './judged.ts';
import { typedSet, type TypedFixtureSpec, type TypedSet } from './typed-fixture.ts';
import {
  booleanCondition,
  booleanRecipe,
  pagingRecipe,
  timestampCondition,
  timestampRecipe,
  type BooleanRecipe,
  type PagingRecipe,
  type TimestampRecipe,
} from './typed-recipes.ts';

/** Asks for the matches of the conditions as the paging recipe says and judges the answer against the oracle. */
async function judgeTyped(
  rec: CaseRecord,
  set: TypedSet,
  rows: readonly JsonObject[],
  conds: readonly QueryCondition[],
  paging: PagingRecipe,
): Promise<void> {
  const texts = conds.map(conditionText);
  const q = [tagCondition(set), ...texts];
  const why = `q=${texts.join(' and q=')}`;
  const refused = conds.map((c) => refusal(c, set.types)).find((r) => r !== undefined);
  if (refused !== undefined) {
    await judgedExchange(rec, set, { q }, { kind: 'api-rejection', code: 'SYS.1000', why: refused });
    return;
  }
  const matched = select(rows, conds, set.types);
  if (paging.mode === 'all') {
    await judgedQuery(rec, set, { q }, { uuids: { list: uuids(matched), ordered: false } }, why);
  } else if (paging.mode === 'count') {
    const opts: QueryOptions = { q, count: true, start: paging.start, limit: paging.limit };
    await judgedQuery(rec, set, opts, { total: matched.length, countOnly: true }, `${why}, counted`);
  } else {
    // uuids never tie, so the page is one certain slice
    const sorted = uuids(sortRows(matched, 'uuid', paging.desc));
    const sort = `${paging.desc ? '-' : '+'}uuid`;
    const opts: QueryOptions = { q, sort, start: paging.start, limit: paging.limit, replyWithCount: true };
    const expected = {
      uuids: { list: sorted.slice(paging.start, paging.start + paging.limit), ordered: true },
      total: matched.length,
    };
    await judgedQuery(rec, set, opts, expected, `${why}, a page of sort=${sort} with the total`);
  }
}

/** Organizations, projects, virtual IDs and flow collections, each made in two waves a second apart. */
const TIMESTAMP_FIXTURE: TypedFixtureSpec = {
  sets: [
    { resource: 'IAM2Organization', rows: [{}, {}, {}, {}] },
    { resource: 'IAM2Project', rows: [{}, {}] },
    { resource: 'IAM2VirtualID', rows: [{}, {}] },
    { resource: 'TicketFlowCollection', rows: [{}, {}] },
  ],
  twoWaves: true,
};

export const queryTimestampsCompareAsDates: PropertySpec<{
  set: number;
  conditions: TimestampRecipe[];
  paging: PagingRecipe;
}> = {
  name: 'queryTimestampsCompareAsDates',
  title: 'conditions on createDate and lastOpDate compare as dates in server time; count and pages agree',
  rule: 'On createDate and lastOpDate, =, !=, >, <, >=, <= with a MySQL datetime literal (`YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, `YYYYMMDDHHMMSS`, server-local time) MUST select the rows whose timestamp compares so as a date, to the second; any other text (the API display format, words) is the zero date (> and != match every row, < and = none); ~= and !~= match the `YYYY-MM-DD HH:MM:SS` text. count=true MUST answer the number of matches whatever start/limit; replyWithCount=true MUST add it beside a sorted page.',
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 30,
  arbitrary() {
    return fc.record({
      set: fc.nat(8),
      conditions: fc.array(timestampRecipe, { minLength: 1, maxLength: 2 }),
      paging: pagingRecipe,
    });
  },
  async run(c, rec) {
    const { set, rows } = await typedSet(rec, TIMESTAMP_FIXTURE, c.set);
    const conds = c.conditions.flatMap((r) => timestampCondition(rows, r) ?? []);
    if (conds.length > 0) await judgeTyped(rec, set, rows, conds, c.paging);
  },
};

/** Flow collections, one of them the default. */
const BOOLEAN_FIXTURE: TypedFixtureSpec = {
  sets: [{ resource: 'TicketFlowCollection', rows: [{ isDefault: true }, { isDefault: false }, {}, {}] }],
  twoWaves: false,
};

export const queryBooleansAsHqlLiterals: PropertySpec<{ conditions: BooleanRecipe[]; paging: PagingRecipe }> = {
  name: 'queryBooleansAsHqlLiterals',
  title: 'conditions on isDefault read the value as an HQL literal, except inside ?= and !?=',
  rule: "On a boolean field (isDefault), =, !=, >, <, >=, <= MUST read the value as an HQL literal (true/false in any case, or a number) and fail with 503 SYS.1000 for anything else (yes, empty); ?= and !?= MUST compare MariaDB's number of each quoted item ('true' is 0, so isDefault?=true selects the false rows). count=true and replyWithCount=true MUST count every match whatever start/limit.",
  project: 'protocol',
  usesProjectFixture: false,
  quickRuns: 20,
  arbitrary() {
    return fc.record({ conditions: fc.array(booleanRecipe, { minLength: 1, maxLength: 2 }), paging: pagingRecipe });
  },
  async run(c, rec) {
    const { set, rows } = await typedSet(rec, BOOLEAN_FIXTURE, 0);
    const field = Object.keys(set.types).find((f) => set.types[f] === 'boolean');
    if (field === undefined) throw new Error(`query properties: ${set.resource} has no boolean field`);
    await judgeTyped(
      rec,
      set,
      rows,
      c.conditions.map((r) => booleanCondition(field, r)),
      c.paging,
    );
  },
};
