// Rows of an answer whose order means nothing (a query without `sort`, a nested list of a resource) paired as
// sets: by their uuids as the test paired them so far, then by their content with uuids and run names blanked,
// then what is left in order. What finds no partner is a row one side has and the other has not.
import { isObject } from '../exchange/json.ts';
import { fingerprintText, type Normalization } from './normalize.ts';

export interface RowPairing {
  pairs: Array<[unknown, unknown]>;
  onlyA: unknown[];
  onlyB: unknown[];
}

export const rowUuid = (row: unknown): string | undefined =>
  isObject(row) && typeof row['uuid'] === 'string' ? row['uuid'] : undefined;

const TIMESTAMP_TEXT = /"[A-Z][a-z]{2} \d{1,2}, \d{4},? \d{1,2}:\d{2}:\d{2}[ \u202f][AP]M"/g;

const fingerprint = (row: unknown, names: (t: string) => string): string =>
  fingerprintText(JSON.stringify(row) ?? 'null', names).replace(TIMESTAMP_TEXT, '"<time>"');

export function pairRows(a: readonly unknown[], b: readonly unknown[], n: Normalization): RowPairing {
  const pairs: Array<[unknown, unknown]> = [];
  const onlyA: unknown[] = [];
  const restB = new Set(b.map((_, i) => i));
  const bByUuid = new Map<string, number>();
  b.forEach((row, i) => {
    const u = rowUuid(row);
    if (u !== undefined) bByUuid.set(u, i);
  });
  const take = (i: number): unknown => (restB.delete(i), b[i]);
  const unpairedA: unknown[] = [];
  for (const row of a) {
    const u = rowUuid(row);
    const partner = u === undefined ? undefined : n.pairing.toB(u);
    const at = partner === undefined ? undefined : bByUuid.get(partner);
    if (at !== undefined && restB.has(at)) pairs.push([row, take(at)]);
    else if (partner !== undefined) onlyA.push(row);
    else unpairedA.push(row);
  }
  const onlyB = [...restB].filter((i) => {
    const u = rowUuid(b[i]);
    return u !== undefined && n.pairing.toA(u) !== undefined;
  });
  onlyB.forEach((i) => restB.delete(i));
  const leftA: unknown[] = [];
  for (const row of unpairedA) {
    const print = fingerprint(row, n.namesA);
    const at = [...restB].find((i) => fingerprint(b[i], n.namesB) === print);
    if (at !== undefined) pairs.push([row, take(at)]);
    else leftA.push(row);
  }
  const leftB = [...restB];
  leftA.forEach((row, k) => (k < leftB.length ? pairs.push([row, b[leftB[k]]]) : onlyA.push(row)));
  return { pairs, onlyA, onlyB: [...onlyB, ...leftB.slice(leftA.length)].map((i) => b[i]) };
}

/** How a row is named in a path: its uuid, else its position. */
export const rowLabel = (row: unknown, index: number): string => rowUuid(row) ?? String(index);
