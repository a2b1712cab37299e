// Rows of an answer whose order means nothing (a query without `sort`, a nested list of a resource) paired as
// sets: by their uuids as the test paired them so far, then by their content with uuids and run names blanked,
// then what is left in order. What finds no partner is a row one side has and the other has not.
import { TIMESTAMP_PATTERN } from '../contract-model/timestamps.ts';
import { isObject } from '../exchange/json.ts';
import { fingerprintText, type Normalization } from './normalize.ts';

export interface RowPairing {
  pairs: Array<[number, number]>;
  onlyA: number[];
  onlyB: number[];
}

export const rowUuid = (row: unknown): string | undefined =>
  isObject(row) && typeof row['uuid'] === 'string' ? row['uuid'] : undefined;

/** A ZStack timestamp as a JSON string, in any of its spellings (TIMESTAMP_PATTERN without its anchors). */
const TIMESTAMP_TEXT = new RegExp(`"${TIMESTAMP_PATTERN.slice(1, -1)}"`, 'g');

const fingerprint = (row: unknown, names: (t: string) => string): string =>
  fingerprintText(JSON.stringify(row) ?? 'null', names).replace(TIMESTAMP_TEXT, '"<time>"');

/** The rows of A and B paired by index; the indices of the rows only one side has. */
export function pairRows(a: readonly unknown[], b: readonly unknown[], n: Normalization): RowPairing {
  const pairs: Array<[number, number]> = [];
  const onlyA: number[] = [];
  const restB = new Set(b.map((_, i) => i));
  const bByUuid = new Map<string, number>();
  b.forEach((row, i) => {
    const u = rowUuid(row);
    if (u !== undefined) bByUuid.set(u, i);
  });
  const unpairedA: number[] = [];
  a.forEach((row, i) => {
    const u = rowUuid(row);
    const partner = u === undefined ? undefined : n.pairing.toB(u);
    const at = partner === undefined ? undefined : bByUuid.get(partner);
    if (at !== undefined && restB.delete(at)) pairs.push([i, at]);
    else if (partner !== undefined) onlyA.push(i);
    else unpairedA.push(i);
  });
  const onlyB = [...restB].filter((i) => {
    const u = rowUuid(b[i]);
    return u !== undefined && n.pairing.toA(u) !== undefined;
  });
  onlyB.forEach((i) => restB.delete(i));
  const bByPrint = new Map<string, number[]>();
  for (const i of restB) {
    const print = fingerprint(b[i], n.namesB);
    bByPrint.set(print, [...(bByPrint.get(print) ?? []), i]);
  }
  const leftA: number[] = [];
  for (const i of unpairedA) {
    const at = bByPrint.get(fingerprint(a[i], n.namesA))?.shift();
    if (at !== undefined && restB.delete(at)) pairs.push([i, at]);
    else leftA.push(i);
  }
  const leftB = [...restB];
  leftA.forEach((i, k) => (k < leftB.length ? pairs.push([i, leftB[k]]) : onlyA.push(i)));
  return { pairs, onlyA, onlyB: [...onlyB, ...leftB.slice(leftA.length)] };
}

/** How a row is named in a path: its uuid, else its position. */
export const rowLabel = (row: unknown, index: number): string => rowUuid(row) ?? String(index);
