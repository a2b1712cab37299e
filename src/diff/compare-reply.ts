// Two settling answers of the same step walked side by side: the status, then the body field by field after
// normalization (normalize.ts), rows as sets where their order means nothing (rows.ts), timestamps by their
// order (timestamp-order.ts). Error texts are informational; `error.code` is compared.
import type { WireResponse } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import { shortJson, type DifferenceKind } from './difference.ts';
import { compareText, type Normalization } from './normalize.ts';
import { pairRows, rowLabel, rowUuid } from './rows.ts';
import { timestampFindings, timestampPair, type TimestampPair } from './timestamp-order.ts';

export interface Finding {
  kind: DifferenceKind;
  path: string;
  a: string;
  b: string;
}

/** ErrorCode fields whose text a server words its own way (another language, more detail). */
const ERROR_TEXT = new Set(['description', 'details', 'elaboration', 'messages']);

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
const inError = (path: string): boolean => path === 'error' || path.startsWith('error.');

class ReplyWalk {
  readonly findings: Finding[] = [];
  readonly timestamps: TimestampPair[] = [];

  constructor(
    private readonly n: Normalization,
    private readonly inventoriesInOrder: boolean,
  ) {}

  private add(kind: DifferenceKind, path: string, a: unknown, b: unknown): void {
    this.findings.push({ kind, path, a: shortJson(a), b: shortJson(b) });
  }

  walk(a: unknown, b: unknown, path: string, key: string): void {
    const nullA = a === null || a === undefined;
    const nullB = b === null || b === undefined;
    if (nullA || nullB) {
      if (nullA && !nullB) this.add('field-added', path, a, b);
      if (!nullA && nullB) this.add('field-removed', path, a, b);
      return;
    }
    if (jsonType(a) !== jsonType(b)) return this.add('field-type', path, a, b);
    if (Array.isArray(a) && Array.isArray(b)) return this.array(a, b, path);
    if (isObject(a) && isObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) this.walk(a[k], b[k], join(path, k), k);
      return;
    }
    this.scalar(a, b, path, key);
  }

  private scalar(a: unknown, b: unknown, path: string, key: string): void {
    const errorPart = inError(path);
    const kind: DifferenceKind =
      errorPart && key === 'code' ? 'error-code' : key === 'state' || key === 'status' ? 'state' : 'value';
    if (typeof a !== 'string' || typeof b !== 'string') {
      if (a !== b) this.add(kind, path, a, b);
      return;
    }
    const time = timestampPair(path, a, b);
    if (time) return void this.timestamps.push(time);
    const same = compareText(a, b, this.n);
    if (same.equal) return;
    if (errorPart && ERROR_TEXT.has(key)) this.add('description', path, a, b);
    else if (same.uuids) this.add('value', path, `${same.uuids[0]} (paired before with another uuid)`, same.uuids[1]);
    else this.add(kind, path, a, b);
  }

  private array(a: unknown[], b: unknown[], path: string): void {
    const rows = a.some(isObject) || b.some(isObject);
    if (errorTextList(path)) return;
    if (!rows) return this.scalarList(a, b, path);
    if (path === 'inventories' && this.inventoriesInOrder) return this.rowsInOrder(a, b, path);
    const { pairs, onlyA, onlyB } = pairRows(a, b, this.n);
    const at = (rows: unknown[], i: number): string => `${path}[${rowLabel(rows[i], i)}]`;
    for (const i of onlyA) this.add('row-set', at(a, i), rowUuid(a[i]) ?? a[i], undefined);
    for (const i of onlyB) this.add('row-set', at(b, i), undefined, rowUuid(b[i]) ?? b[i]);
    for (const [i, j] of pairs) this.walk(a[i], b[j], at(a, i), '');
  }

  private rowsInOrder(a: unknown[], b: unknown[], path: string): void {
    if (a.length !== b.length) this.add('row-set', path, `${a.length} rows`, `${b.length} rows`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [ua, ub] = [rowUuid(a[i]), rowUuid(b[i])];
      const elsewhere = ua !== undefined && ub !== undefined && !this.pairable(ua, ub);
      if (elsewhere) this.add('row-set', `${path}[${i}]`, ua, ub);
      else this.walk(a[i], b[i], `${path}[${rowLabel(a[i], i)}]`, '');
    }
  }

  private pairable(ua: string, ub: string): boolean {
    const [toB, toA] = [this.n.pairing.toB(ua), this.n.pairing.toA(ub)];
    return (toB === undefined || toB === ub) && (toA === undefined || toA === ua);
  }

  private scalarList(a: unknown[], b: unknown[], path: string): void {
    if (a.length !== b.length) return this.add('value', path, a, b);
    a.forEach((x, i) => this.walk(x, b[i], `${path}[${i}]`, ''));
  }
}

/** `error.messages` and the like: a list of texts, informational as a whole. */
function errorTextList(path: string): boolean {
  return inError(path) && ERROR_TEXT.has(path.slice(path.lastIndexOf('.') + 1));
}

/**
 * What differs between two answers to the same request. `inventoriesInOrder`: the request asked for a sort, so
 * the rows of `inventories` must come in the same order.
 */
export function compareReplies(
  a: WireResponse,
  b: WireResponse,
  n: Normalization,
  inventoriesInOrder: boolean,
): Finding[] {
  const walk = new ReplyWalk(n, inventoriesInOrder);
  // a body of another status differs as a consequence: the status is the difference
  if (a.status !== b.status) return [{ kind: 'status', path: 'status', a: `${a.status}`, b: `${b.status}` }];
  const [ja, jb] = [a.json, b.json];
  if (ja === undefined && jb === undefined) {
    if (!compareText(a.text, b.text, n).equal) {
      walk.findings.push({ kind: 'description', path: 'body', a: shortJson(a.text), b: shortJson(b.text) });
    }
  } else if (ja === undefined || jb === undefined) {
    const show = (r: WireResponse): string => (r.json === undefined ? `text ${shortJson(r.text)}` : shortJson(r.json));
    walk.findings.push({ kind: 'field-type', path: 'body', a: show(a), b: show(b) });
  } else walk.walk(ja, jb, '', '');
  return [...walk.findings, ...timestampFindings(walk.timestamps)];
}
