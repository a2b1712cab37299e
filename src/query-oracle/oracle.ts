// The suite's own answer to a query: which rows a condition matches and in which order `sort` lists them, as
// ZStack's ZQL -> SQL on MariaDB does it. Written from the protocol's description, independent of the
// reference server. Only string fields are modelled (name, description, type, state, uuid); NULL is an absent
// or null field.
import type { JsonObject } from '../exchange/json.ts';
import { compareText, like } from './collation.ts';

export const QUERY_OPERATORS = [
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  '?=',
  '!?=',
  '~=',
  '!~=',
  'is null',
  'not null',
] as const;
export type QueryOperator = (typeof QUERY_OPERATORS)[number];

/** Order in which ZStack looks for an operator in a condition: the first one found anywhere is used. */
export const OPERATOR_SEARCH_ORDER: readonly QueryOperator[] = [
  '!=',
  '>=',
  '<=',
  '!?=',
  '!~=',
  '~=',
  '?=',
  '=',
  '>',
  '<',
  'is null',
  'not null',
];

export interface QueryCondition {
  field: string;
  op: QueryOperator;
  value: string;
}

/** The q= text of a condition. */
export function conditionText(c: QueryCondition): string {
  return c.op === 'is null' || c.op === 'not null' ? `${c.field} ${c.op}` : `${c.field}${c.op}${c.value}`;
}

/** True when ZStack reads `conditionText(c)` back as c: no operator that it looks for earlier occurs in the text. */
export function parsesAsWritten(c: QueryCondition): boolean {
  const text = conditionText(c);
  const found = OPERATOR_SEARCH_ORDER.find((op) => text.includes(op));
  return (
    found === c.op &&
    text.indexOf(c.op) === (c.op === 'is null' || c.op === 'not null' ? c.field.length + 1 : c.field.length)
  );
}

const valueOf = (row: JsonObject, field: string): string | null => {
  const v = row[field];
  return v === undefined || v === null ? null : String(v);
};

/** Whether a row matches one condition. NULL matches only `is null`: the negations never match it. */
export function matches(row: JsonObject, c: QueryCondition): boolean {
  const v = valueOf(row, c.field);
  if (c.op === 'is null') return v === null;
  if (c.op === 'not null') return v !== null;
  if (v === null) return false;
  const items = () => c.value.split(','); // IN lists: split on every comma, empty items kept
  switch (c.op) {
    case '=':
      return compareText(v, c.value) === 0;
    case '!=':
      return compareText(v, c.value) !== 0;
    case '>':
      return compareText(v, c.value) > 0;
    case '<':
      return compareText(v, c.value) < 0;
    case '>=':
      return compareText(v, c.value) >= 0;
    case '<=':
      return compareText(v, c.value) <= 0;
    case '?=':
      return items().some((i) => compareText(v, i) === 0);
    case '!?=':
      return !items().some((i) => compareText(v, i) === 0);
    case '~=':
      return like(v, c.value);
    case '!~=':
      return !like(v, c.value);
  }
}

/** The rows every condition matches (conditions are ANDed). */
export function select(rows: readonly JsonObject[], conditions: readonly QueryCondition[]): JsonObject[] {
  return rows.filter((r) => conditions.every((c) => matches(r, c)));
}

/** Compares two rows as ORDER BY `field` does: NULL first ascending (and so last descending). */
export function compareRows(a: JsonObject, b: JsonObject, field: string): number {
  const x = valueOf(a, field);
  const y = valueOf(b, field);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return compareText(x, y);
}

/** Rank of each row's uuid under sort=±field: rows the collation ties share a rank. */
export function sortRanks(rows: readonly JsonObject[], field: string, desc: boolean): Record<string, number> {
  const sorted = [...rows].sort((a, b) => (desc ? -1 : 1) * compareRows(a, b, field));
  const ranks: Record<string, number> = {};
  let rank = 0;
  sorted.forEach((r, i) => {
    if (i > 0 && compareRows(sorted[i - 1], r, field) !== 0) rank = i;
    ranks[String(r['uuid'])] = rank;
  });
  return ranks;
}

/** The rows in sort order; only meaningful when `field` has no ties among them (see hasTies). */
export function sortRows(rows: readonly JsonObject[], field: string, desc: boolean): JsonObject[] {
  return [...rows].sort((a, b) => (desc ? -1 : 1) * compareRows(a, b, field));
}

export function hasTies(rows: readonly JsonObject[], field: string): boolean {
  const sorted = sortRows(rows, field, false);
  return sorted.some((r, i) => i > 0 && compareRows(sorted[i - 1], r, field) === 0);
}
