// What may differ between two conformant endpoints, normalized pairwise as two answers are walked side by side
// (docs/differential.md): uuids are paired A→B (a uuid paired twice differently is a change), the run's names
// lose their run id and kit id, timestamps are compared by their order (timestamp-order.ts), not their text.
import type { RecordingStep } from '../recording/recording.ts';

const UUID = /[0-9a-f]{32}/g;

/** The uuids of A paired with those of B as the walk meets them; each side's uuid pairs with one of the other. */
export class UuidPairing {
  private readonly aToB = new Map<string, string>();
  private readonly bToA = new Map<string, string>();

  /** Pairs `a` with `b`; false when either is already paired with another uuid. */
  pair(a: string, b: string): boolean {
    const known = this.aToB.get(a);
    const back = this.bToA.get(b);
    if (known !== undefined || back !== undefined) return known === b && back === a;
    this.aToB.set(a, b);
    this.bToA.set(b, a);
    return true;
  }

  toB(a: string): string | undefined {
    return this.aToB.get(a);
  }

  toA(b: string): string | undefined {
    return this.bToA.get(b);
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The suite's names `zc-<runId>-<label>-<kitId>-<n>` (src/resources/resource-kit.ts) with the run id, the kit id
 * (6 hex) and the counter blanked: two runs name the same resource alike. The counter too, because cases that run
 * at once draw names from one kit in whatever order they get there.
 */
export function runNameNormalizer(runId: string): (text: string) => string {
  const name = new RegExp(`zc-${escapeRegExp(runId)}-([\\w-]+?)-[0-9a-f]{6}-\\d+(?!\\d)`, 'g');
  return (text) => text.replace(name, 'zc-<run>-$1-<kit>-<n>');
}

/** Both sides' normalizers and the uuid pairing of one test. */
export interface Normalization {
  pairing: UuidPairing;
  namesA: (text: string) => string;
  namesB: (text: string) => string;
}

export function normalization(runIdA: string, runIdB: string): Normalization {
  return { pairing: new UuidPairing(), namesA: runNameNormalizer(runIdA), namesB: runNameNormalizer(runIdB) };
}

export type TextComparison = { equal: true } | { equal: false; uuids?: [string, string] };

/**
 * Two strings compared after run names are normalized, uuid by uuid: the same text around the uuids and each
 * uuid pairable with its counterpart. Pairs the uuids only when the texts around them agree.
 */
export function compareText(a: string, b: string, n: Normalization): TextComparison {
  const ta = n.namesA(a);
  const tb = n.namesB(b);
  const ua = ta.match(UUID) ?? [];
  const ub = tb.match(UUID) ?? [];
  if (ta.replace(UUID, '<uuid>') !== tb.replace(UUID, '<uuid>') || ua.length !== ub.length) return { equal: false };
  for (let i = 0; i < ua.length; i++) {
    if (!n.pairing.pair(ua[i], ub[i])) return { equal: false, uuids: [ua[i], ub[i]] };
  }
  return { equal: true };
}

/** A text with its uuids and run names blanked (rows no uuid pairs are matched by it). */
export const fingerprintText = (text: string, names: (t: string) => string): string =>
  names(text).replace(UUID, '<uuid>');

/** The request of a step as two endpoints must agree on it: method and path, uuids and run names blanked. */
export function requestShape(step: RecordingStep, names: (text: string) => string): string {
  const first = step.observation.exchange.hops[0]?.request;
  if (!first) return `${step.observation.api} (no request)`;
  const path = new URL(first.url, 'http://endpoint').pathname;
  return `${first.method} ${fingerprintText(decoded(path), names)}`;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Whether the step's request asked for a sort order (then `inventories` are compared in order). */
export function sortAsked(step: RecordingStep): boolean {
  const first = step.observation.exchange.hops[0]?.request;
  return first !== undefined && new URL(first.url, 'http://endpoint').searchParams.has('sort');
}
