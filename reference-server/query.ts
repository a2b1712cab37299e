// Query APIs (docs/zstack-protocol.md#query-language): parameter parsing (400 plain text for malformed conditions and
// non-integer limit/start, before the session check) and evaluation as ZStack's ZQL -> SQL on MariaDB
// (utf8_general_ci) would do it (503 SYS.1000 for everything else that is wrong).
//
// Simplified on purpose:
// - Collation: accents are removed by Unicode NFD + dropping combining marks, then the text is upper-cased
//   and compared by UTF-16 code units; this approximates utf8_general_ci (e.g. `ß` vs `s` differs).
// - Timestamps: values are parsed as MySQL datetime literals in server local time (the four spellings in
//   docs/zstack-protocol.md#value-typing); anything else is the zero date. Out-of-range dates (Feb 30) count as the
// zero date too.
// - Booleans in `?=`/`!?=` use MySQL's string->number conversion of the leading numeric prefix ('true' -> 0).
// - Nested fields: only `<listField>.<member>` one level deep (e.g. `flows.name=x`, `attributes.value~=%a%`),
//   true when some element matches; lists of strings (ticketTypeUuids) match when some element matches.
// - Tags (`__userTag__`, `__systemTag__`): the tags sent at creation; positive operators need one tag that
//   matches, `!=`/`!?=`/`!~=` need no tag matching the positive form, `is null` matches nothing.
// - `groupBy` and `filterName` are read and ignored; expanded queries and `return with` are not modelled.
// - Without `sort` the order is uuid order (what InnoDB does in practice: primary-key order).
import type { JsonSchema } from '../contracts/index.ts';
import type { ServerContext } from './context.ts';
import { internalError, RestError } from './errors.ts';
import { renderInventory, schemaMap } from './render.ts';
import { resolveRef } from './schema-map.ts';
import type { Inventory, StoredResource } from './store.ts';
import { parseSqlDate, sqlDateText } from './timestamps.ts';

export const OPERATORS = ['!=', '>=', '<=', '!?=', '!~=', '~=', '?=', '=', '>', '<', 'is null', 'not null'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  field: string;
  op: Operator;
  value: string;
}

export interface QuerySpec {
  conditions: Condition[];
  limit: number;
  start: number;
  count: boolean;
  replyWithCount: boolean;
  sort?: string;
  fields?: string[];
}

/** utf8_general_ci-like key: accents dropped, upper-cased (so `_` sorts after letters); PAD SPACE when `padSpace`. */
export function collationKey(s: string, padSpace: boolean): string {
  const k = s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  return padSpace ? k.replace(/ +$/, '') : k;
}

/** commons-lang StringUtils.splitByWholeSeparator(str, sep, max): adjacent separators are skipped. */
export function splitByWholeSeparator(str: string, sep: string, max: number): string[] {
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  const len = str.length;
  while (end < len) {
    end = str.indexOf(sep, beg);
    if (end > -1) {
      if (end > beg) {
        if (out.length + 1 === max) {
          out.push(str.slice(beg));
          end = len;
        } else {
          out.push(str.slice(beg, end));
          beg = end + sep.length;
        }
      } else {
        beg = end + sep.length;
      }
    } else {
      out.push(str.slice(beg));
      end = len;
    }
  }
  return out;
}

export function parseCondition(cond: string): Condition {
  const op = OPERATORS.find((o) => cond.includes(o));
  if (!op) {
    throw new RestError(
      400,
      `Invalid query parameter. The '${cond}' in the parameter[q] doesn't contain any query operator. Valid query operators are [${OPERATORS.join(', ')}]`,
    );
  }
  const parts = splitByWholeSeparator(cond, op, 2);
  // `is null` / `not null` take the first part as the field and are never refused here; an empty field (`  =a`
  // splits into "  " and "a") is not the REST layer's business either: it fails later, in ZQL (SYS.1000)
  if (op === 'is null' || op === 'not null') return { field: (parts[0] ?? '').trim(), op, value: '' };
  if (parts.length !== 2) {
    throw new RestError(
      400,
      `Invalid query parameter. The '${cond}' in parameter[q] is not a key-value pair split by ${op}`,
    );
  }
  return { field: parts[0].trim(), op, value: parts[1] };
}

/** Integer.valueOf of the trimmed text; anything else is a 400. */
function parseJavaInt(name: string, text: string): number {
  const t = text.trim();
  const n = /^[+-]?\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n) || n > 2147483647 || n < -2147483648) {
    throw new RestError(400, `Invalid query parameter[${name}], ${t} is not an integer`);
  }
  return n;
}

/** Java String.split(","): trailing empty strings removed; no match -> the whole text. */
function javaSplitComma(s: string): string[] {
  const parts = s.split(',');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The REST layer's parsing of a query's URL parameters (RestServer.handleQueryApi). */
export function parseQueryParams(ctx: ServerContext, sp: URLSearchParams): QuerySpec {
  const first = (name: string): string | undefined => {
    const v = sp.get(name);
    return v === null ? undefined : v.trim();
  };
  const spec: QuerySpec = {
    conditions: sp.getAll('q').flatMap((cond) => {
      try {
        return [parseCondition(cond)];
      } catch (e) {
        const refusal =
          e instanceof RestError
            ? ctx.hooks.conditionError(e.message, { cond })
            : e instanceof Error
              ? e.message
              : String(e);
        if (refusal !== undefined) throw e;
        return [];
      }
    }),
    limit: 1000,
    start: 0,
    count: first('count')?.toLowerCase() === 'true',
    replyWithCount: first('replyWithCount')?.toLowerCase() === 'true',
  };
  const limit = first('limit');
  if (limit !== undefined) spec.limit = parseJavaInt('limit', limit);
  const start = first('start');
  if (start !== undefined) spec.start = parseJavaInt('start', start);
  spec.sort = first('sort');
  const fields = first('fields');
  if (fields !== undefined) {
    const list = javaSplitComma(fields).map((f) => f.trim());
    if (fields !== '' && list.length === 0)
      throw new RestError(400, "Invalid query parameter. 'fields' contains zero field");
    spec.fields = fields === '' ? [''] : list;
  }
  return spec;
}

type ScalarKind = 'string' | 'timestamp' | 'boolean' | 'number';
type FieldInfo =
  | { kind: 'scalar'; type: ScalarKind }
  | { kind: 'list'; type: ScalarKind; list: string; member?: string }
  | { kind: 'tag'; tag: 'userTags' | 'systemTags' };

const FIELD_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function scalarKind(ctx: ServerContext, schema: JsonSchema): ScalarKind | undefined {
  const s = resolveRef(ctx.contracts, schema);
  if (s.format === 'zstack-timestamp') return 'timestamp';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'integer' || s.type === 'number') return 'number';
  if (s.type === 'string' || Array.isArray(s.enum)) return 'string';
  return undefined;
}

function fieldInfo(ctx: ServerContext, schema: JsonSchema, field: string): FieldInfo | undefined {
  if (field === '__userTag__') return { kind: 'tag', tag: 'userTags' };
  if (field === '__systemTag__') return { kind: 'tag', tag: 'systemTags' };
  if (!FIELD_NAME.test(field)) return undefined;
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const [head, member, ...rest] = field.split('.');
  if (rest.length > 0 || !Object.hasOwn(props, head)) return undefined;
  const prop = resolveRef(ctx.contracts, props[head]);
  if (member === undefined) {
    const t = scalarKind(ctx, prop);
    if (t) return { kind: 'scalar', type: t };
    if (prop.type === 'array' && prop.items) {
      const it = scalarKind(ctx, prop.items as JsonSchema);
      if (it) return { kind: 'list', type: it, list: head };
    }
    return undefined;
  }
  if (prop.type !== 'array' || !prop.items) return undefined;
  const itemSchema = resolveRef(ctx.contracts, prop.items as JsonSchema);
  const memberProps = (itemSchema.properties ?? {}) as Record<string, JsonSchema>;
  if (!Object.hasOwn(memberProps, member)) return undefined;
  const t = scalarKind(ctx, memberProps[member]);
  return t ? { kind: 'list', type: t, list: head, member } : undefined;
}

/** SQL LIKE on collation keys: `%` any run, `_` one character, `\` escapes (trailing spaces significant). */
function like(text: string, pattern: string): boolean {
  let re = '';
  const p = collationKey(pattern, false);
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) re += p[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u').test(collationKey(text, false));
}

/** MySQL's string -> number conversion: the leading numeric prefix, else 0. */
function mysqlNumber(s: string): number {
  const m = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s);
  return m ? Number(m[0]) : 0;
}

/** HQL literal of a boolean condition (quotes stripped): true/false in any case or a number. */
function booleanLiteral(v: string): number | undefined {
  if (/^true$/i.test(v)) return 1;
  if (/^false$/i.test(v)) return 0;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return Number(v);
  return undefined;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One row value against one condition (positive or negative operator, never `is null`/`not null`). */
function matchValue(ctx: ServerContext, type: ScalarKind, op: Operator, row: unknown, value: string): boolean {
  let left: string | number;
  let right: (v: string) => string | number;
  let likeText: string;
  switch (type) {
    case 'timestamp':
      likeText = sqlDateText(Number(row));
      left = ctx.hooks.queryTimestampKey(Number(row), { sqlText: likeText });
      right = (v) => ctx.hooks.queryTimestampKey(parseSqlDate(v), { sqlText: v });
      break;
    case 'boolean': {
      left = row === true || row === 'true' ? 1 : 0;
      const quoted = ctx.hooks.queryBooleanQuoted(op === '?=' || op === '!?=', { op });
      right = (v) => (quoted ? mysqlNumber(v) : (booleanLiteral(v) ?? 0));
      likeText = String(left);
      break;
    }
    case 'number':
      left = Number(row);
      right = mysqlNumber;
      likeText = String(row);
      break;
    default:
      left = textKey(ctx, String(row), true);
      right = (v) => textKey(ctx, v, true);
      likeText = String(row);
  }
  const c = (v: string) => cmp(left, right(v));
  switch (op) {
    case '=':
      return c(value) === 0;
    case '!=':
      return c(value) !== 0;
    case '>':
      return c(value) > 0;
    case '<':
      return c(value) < 0;
    case '>=':
      return c(value) >= 0;
    case '<=':
      return c(value) <= 0;
    case '?=':
      return value.split(',').some((v) => c(v) === 0);
    case '!?=':
      return !value.split(',').some((v) => c(v) === 0);
    case '~=':
      return like(likeText, value);
    case '!~=':
      return !like(likeText, value);
    default:
      return false;
  }
}

const NEGATIVE: Partial<Record<Operator, Operator>> = { '!=': '=', '!?=': '?=', '!~=': '~=' };

/** The key strings are compared and sorted by in a query. */
const textKey = (ctx: ServerContext, text: string, padSpace: boolean): string =>
  ctx.hooks.queryTextKey(collationKey(text, padSpace), { text, padSpace });

function matches(ctx: ServerContext, info: FieldInfo, cond: Condition, rec: StoredResource, inv: Inventory): boolean {
  const { op, value } = cond;
  if (info.kind === 'tag') {
    const tags = rec[info.tag];
    if (op === 'is null') return false;
    if (op === 'not null') return tags.length > 0;
    const positive = NEGATIVE[op];
    if (positive) return !tags.some((t) => matchValue(ctx, 'string', positive, t, value));
    return tags.some((t) => matchValue(ctx, 'string', op, t, value));
  }
  const values: unknown[] =
    info.kind === 'scalar'
      ? [inv[cond.field]]
      : ((inv[info.list] as unknown[] | undefined) ?? []).map((e) =>
          info.member ? (e as Record<string, unknown>)?.[info.member] : e,
        );
  // NULL: only `is null` finds it; `!=`, `!?=`, `!~=` never match a NULL
  // (docs/zstack-protocol.md#operators-and-collation)
  return values.some((v) => {
    const isNull = v === undefined || v === null;
    if (op === 'is null') return isNull;
    if (op === 'not null') return !isNull;
    return isNull ? ctx.hooks.nullMatches(false, { op }) : matchValue(ctx, info.type, op, v, value);
  });
}

export interface QueryResult {
  body: Record<string, unknown>;
}

/** The rows of a query known only by their uuid (a Query API whose reply names no inventory schema). */
const UUID_ONLY: JsonSchema = { type: 'object', properties: { uuid: { type: 'string' } } };

/**
 * Runs a parsed query of the API named over its live records, typed by the inventory schema (none: rows known only
 * by their uuid). `byUuid`: GET .../{uuid}, which ignores every parameter (the query `uuid=<path value>`, limit 1000).
 */
export function runQuery(
  ctx: ServerContext,
  { api, schemaName }: { api: string; schemaName: string | undefined },
  records: StoredResource[],
  spec: QuerySpec,
  byUuid?: string,
): Record<string, unknown> {
  const schema = schemaName === undefined ? UUID_ONLY : ctx.contracts.schemas.get(schemaName);
  if (!schema) throw internalError(`no schema ${schemaName}`);
  const target: QueryTarget = {
    api,
    schema,
    schemaName,
    cls: String(schema['x-zstack-class'] ?? schemaName ?? 'java.lang.Object'),
  };
  const q: QuerySpec =
    byUuid !== undefined
      ? {
          conditions: [{ field: 'uuid', op: '=', value: byUuid }],
          limit: 1000,
          start: 0,
          count: false,
          replyWithCount: false,
        }
      : spec;
  const conds = resolvedConditions(ctx, target, q.conditions);
  if (q.limit < 0) throw internalError('java.lang.IllegalArgumentException: max-results cannot be negative');
  if (q.start < 0) throw internalError('java.lang.IllegalArgumentException: first-result value cannot be negative');
  const sort = resolvedSort(ctx, target, ctx.hooks.querySort(q.sort, { api }));
  const fields = checkedFields(target, ctx.hooks.queryFields(q.fields, { api }));

  const rows = records
    .map((rec) => ({ rec, inv: ctx.hooks.queryView(rec.inv, { rec }) }))
    .sort(ctx.variant.rowOrder === 'random' ? () => 0 : (a, b) => cmp(a.rec.uuid, b.rec.uuid))
    .filter(({ rec, inv }) => conds.every(({ c, info }) => matches(ctx, info, c, rec, inv)));
  // Without ORDER BY the database's order is unspecified: the variant shuffles (ties under a sort too).
  if (ctx.variant.rowOrder === 'random') shuffle(rows);
  if (sort) sortRows(ctx, rows, sort);
  return replyBody(ctx, target, q, rows, fields, records.length);
}

/** The Query API, its inventory's schema, the schema's name and its Java class (named in ZStack's error messages). */
interface QueryTarget {
  api: string;
  schema: JsonSchema;
  schemaName: string | undefined;
  cls: string;
}

interface Row {
  rec: StoredResource;
  inv: Inventory;
}

interface Sort {
  field: string;
  desc: boolean;
  type: ScalarKind;
}

/** Each condition with what its field is, refused as ZStack refuses it (unknown field, quote, non-boolean). */
function resolvedConditions(ctx: ServerContext, { schema, cls }: QueryTarget, conditions: QuerySpec['conditions']) {
  return conditions.flatMap((c) => {
    const info = fieldInfo(ctx, schema, c.field);
    if (!info) {
      if (!ctx.hooks.unknownFieldFails(true, { field: c.field })) return [];
      throw internalError(`java.lang.IllegalArgumentException: inventory class[${cls}] not having field[${c.field}]`);
    }
    if (c.value.includes("'"))
      throw internalError(`org.zstack.zql.ast.ZQLError: unexpected token in condition[${c.field}${c.op}${c.value}]`);
    if (
      info.kind !== 'tag' &&
      info.type === 'boolean' &&
      !['?=', '!?=', '~=', '!~=', 'is null', 'not null'].includes(c.op) &&
      booleanLiteral(c.value) === undefined
    ) {
      throw internalError(`org.hibernate.hql.internal.ast.QuerySyntaxException: unexpected token: ${c.value}`);
    }
    return [{ c, info }];
  });
}

/** `sort=[+|-]field` on a scalar field of the inventory; anything else is refused. */
function resolvedSort(
  ctx: ServerContext,
  { schema, cls }: QueryTarget,
  sortText: string | undefined,
): Sort | undefined {
  if (sortText === undefined) return undefined;
  const desc = sortText.startsWith('-');
  const field = sortText.startsWith('-') || sortText.startsWith('+') ? sortText.slice(1).trim() : sortText;
  const info = field === '' ? undefined : fieldInfo(ctx, schema, field);
  if (!info || info.kind !== 'scalar')
    throw internalError(
      `java.lang.IllegalArgumentException: invalid order by clause, inventory[${cls}] doesn't have field[${field}]`,
    );
  return { field, desc, type: info.type };
}

/** `fields=`: each must be a top-level field of the inventory. */
function checkedFields({ schema, cls }: QueryTarget, fields: string[] | undefined): string[] | undefined {
  if (!fields) return undefined;
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  for (const f of fields) {
    if (!FIELD_NAME.test(f) || !Object.hasOwn(props, f))
      throw internalError(`java.lang.IllegalArgumentException: inventory[${cls}] has no field[${f}]`);
  }
  return fields;
}

/** In place, by the sort field: NULL first ascending, last descending. */
function sortRows(ctx: ServerContext, rows: Row[], s: Sort): void {
  const key = (inv: Inventory): string | number | undefined => {
    const v = inv[s.field];
    if (v === undefined || v === null) return undefined;
    if (s.type === 'string') return textKey(ctx, String(v), true);
    if (s.type === 'boolean') return v === true ? 1 : 0;
    return Number(v);
  };
  rows.sort((a, b) => {
    const ka = key(a.inv);
    const kb = key(b.inv);
    const r = ka === undefined ? (kb === undefined ? 0 : -1) : kb === undefined ? 1 : cmp(ka, kb);
    return s.desc ? -r : r;
  });
}

/** The page asked for: the count alone, or the inventories (only `fields` when asked), total and schema map. */
function replyBody(
  ctx: ServerContext,
  { api, schemaName }: QueryTarget,
  q: QuerySpec,
  rows: Row[],
  fields: string[] | undefined,
  tableSize: number,
): Record<string, unknown> {
  const { start, limit } = ctx.hooks.queryPage({ start: q.start, limit: q.limit }, { api });
  const page = rows.slice(start, start + limit);
  const total = ctx.hooks.queryTotal(rows.length, { api, pageSize: page.length, tableSize });
  if (q.count) return { total, schema: {} };
  const inventories = page.map(({ inv }) => {
    if (!fields) return renderInventory(ctx, inv, schemaName);
    const picked: Inventory = {};
    for (const f of fields) if (inv[f] !== undefined && inv[f] !== null) picked[f] = inv[f];
    return renderInventory(ctx, picked, schemaName, { extras: false });
  });
  const body: Record<string, unknown> = { inventories };
  if (q.replyWithCount) body.total = total;
  body.schema = schemaMap(
    ctx,
    api,
    schemaName,
    inventories.map((value, i) => ({ path: `inventories[${i}]`, value })),
  );
  return body;
}

/** Fisher-Yates, in place. */
function shuffle<T>(xs: T[]): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}
