// Timestamps of two answers are compared by their order, not their text: two conformant servers were called at
// different times and may print dates in another Java's style (docs/zstack-protocol.md#timestamps). What must
// agree is the order among the timestamps of one answer (createDate <= lastOpDate, a later row later).
import { parseZStackTimestamp, type ParsedTimestamp } from '../contract-model/timestamps.ts';
import type { DifferenceKind } from './difference.ts';

/** The same field's timestamp on both sides of one answer. */
export interface TimestampPair {
  path: string;
  a: ParsedTimestamp;
  b: ParsedTimestamp;
}

export interface TimestampFinding {
  kind: Extract<DifferenceKind, 'timestamp-order' | 'date-style'>;
  path: string;
  a: string;
  b: string;
}

/** Both texts parsed as ZStack timestamps, or undefined when either is not one. */
export function timestampPair(path: string, a: string, b: string): TimestampPair | undefined {
  const pa = parseZStackTimestamp(a);
  const pb = parseZStackTimestamp(b);
  return pa && pb ? { path, a: pa, b: pb } : undefined;
}

const order = (x: number, y: number): string => (x < y ? 'before' : x > y ? 'after' : 'equal to');

/**
 * A pair of timestamps one side orders strictly one way and the other strictly the other way is a change (equal on
 * one side is not: two calls may fall in one second); a different spelling is informational, once per answer.
 */
export function timestampFindings(pairs: readonly TimestampPair[]): TimestampFinding[] {
  const found: TimestampFinding[] = [];
  // one finding per timestamp at most: rows paired by chance (the sweep) must not multiply into pairs of pairs
  for (let j = 1; j < pairs.length; j++) {
    for (let i = 0; i < j; i++) {
      const [x, y] = [pairs[i], pairs[j]];
      const da = x.a.seconds - y.a.seconds;
      const db = x.b.seconds - y.b.seconds;
      if (da * db < 0) {
        const relation = (d: number): string => `${x.path} ${order(d, 0)} ${y.path}`;
        found.push({ kind: 'timestamp-order', path: y.path, a: relation(da), b: relation(db) });
        break;
      }
    }
  }
  const restyled = pairs.find((p) => p.a.spelling !== p.b.spelling);
  if (restyled) {
    found.push({ kind: 'date-style', path: restyled.path, a: restyled.a.spelling, b: restyled.b.spelling });
  }
  return found;
}
