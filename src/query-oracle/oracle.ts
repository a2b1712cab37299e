// The suite's own answer to a query: which rows a condition matches and in which order `sort` lists them, as
// ZStack's ZQL -> SQL on MariaDB does it. Written from the protocol's description, independent of the
// reference server. Fields are strings unless the caller types them as timestamps or booleans
// (docs/zstack-protocol.md#value-typing); NULL is an absent or null field. Sorting is modelled for strings only.
import type { JsonObject } from '../exchange/json.ts';
import { compareText, like } from './collation.ts';
import { likeText, literalTimestamp, replyTimestamp } from './datetime.ts';

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

/** How a field's values compare: strings under the collation, timestamps as dates, booleans as numbers. */
export type FieldType = 'string' | 'timestamp' | 'boolean';
/** The type of each field that is not a string. */
export type FieldTypes = Readonly<Record<string, FieldType>>;

const valueOf = (row: JsonObject, field: string): string | null => {
  const v = row[field];
  return v === undefined || v === null ? null : String(v);
};

/**
 * A boolean condition's value as HQL reads it once the quotes are stripped: `true`/`false` in any letter case, or
 * a number; undefined for anything else (the query then fails).
 */
export function hqlBoolean(value: string): number | undefined {
  if (/^true$/i.test(value)) return 1;
  if (/^false$/i.test(value)) return 0;
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/** MariaDB's string -> number conversion: the leading number, else 0 (`'true'` is 0). */
export function mysqlNumber(value: string): number {
  const m = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(value);
  return m ? Number(m[0]) : 0;
}

const BOOLEAN_LITERAL_OPS: readonly QueryOperator[] = ['=', '!=', '>', '<', '>=', '<='];

/** Why ZStack fails a query with this condition (503 SYS.1000), or undefined when it runs it. */
export function refusal(c: QueryCondition, types: FieldTypes = {}): string | undefined {
  if (types[c.field] === 'boolean' && BOOLEAN_LITERAL_OPS.includes(c.op) && hqlBoolean(c.value) === undefined)
    return `${c.field}${c.op}${c.value}: not an HQL boolean literal`;
  return undefined;
}

function storedTimestamp(stored: string): number {
  const t = replyTimestamp(stored);
  if (t === undefined) throw new Error(`query oracle: ${JSON.stringify(stored)} is not a ZStack timestamp`);
  return t;
}

function hqlLiteral(value: string): number {
  const n = hqlBoolean(value);
  if (n === undefined) throw new Error(`query oracle: ${value} is refused, not compared (see refusal())`);
  return n;
}

/** Compares a row's value with a condition's value (or one IN item) as the column's type does: -1, 0 or 1. */
function comparer(type: FieldType, op: QueryOperator): (stored: string, value: string) => number {
  const sign = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
  if (type === 'timestamp') return (stored, value) => sign(storedTimestamp(stored), literalTimestamp(value));
  if (type === 'boolean') {
    // inside IN the quotes stay, so MariaDB converts the text; elsewhere HQL reads a literal
    const read = op === '?=' || op === '!?=' ? mysqlNumber : hqlLiteral;
    return (stored, value) => sign(stored === 'true' ? 1 : 0, read(value));
  }
  return compareText;
}

/** Whether a row matches one condition. NULL matches only `is null`: the negations never match it. */
export function matches(row: JsonObject, c: QueryCondition, types: FieldTypes = {}): boolean {
  const v = valueOf(row, c.field);
  if (c.op === 'is null') return v === null;
  if (c.op === 'not null') return v !== null;
  if (v === null) return false;
  const type = types[c.field] ?? 'string';
  const compare = comparer(type, c.op);
  const items = () => c.value.split(','); // IN lists: split on every comma, empty items kept
  const likeSubject = () => {
    if (type === 'string') return v;
    if (type === 'timestamp') return likeText(storedTimestamp(v));
    throw new Error('query oracle: LIKE on a boolean is not modelled');
  };
  switch (c.op) {
    case '=':
      return compare(v, c.value) === 0;
    case '!=':
      return compare(v, c.value) !== 0;
    case '>':
      return compare(v, c.value) > 0;
    case '<':
      return compare(v, c.value) < 0;
    case '>=':
      return compare(v, c.value) >= 0;
    case '<=':
      return compare(v, c.value) <= 0;
    case '?=':
      return items().some((i) => compare(v, i) === 0);
    case '!?=':
      return !items().some((i) => compare(v, i) === 0);
    case '~=':
      return like(likeSubject(), c.value);
    case '!~=':
      return !like(likeSubject(), c.value);
  }
}

/** The rows every condition matches (conditions are ANDed). */
export function select(
  rows: readonly JsonObject[],
  conditions: readonly QueryCondition[],
  types: FieldTypes = {},
): JsonObject[] {
  return rows.filter((r) => conditions.every((c) => matches(r, c, types)));
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
