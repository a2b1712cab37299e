// In-memory resources of one server instance. Inventories are kept as plain objects whose timestamps are
// epoch milliseconds (rendered per variant on output); hidden per-resource data lives in `meta`.
import { randomUUID } from 'node:crypto';

export type Inventory = Record<string, unknown>;

export interface StoredResource {
  resource: string;
  uuid: string;
  inv: Inventory;
  /** soft-deleted (projects: state Deleted until expunged) */
  softDeleted?: boolean;
  systemTags: string[];
  userTags: string[];
  meta: Record<string, unknown>;
}

/** 32 lower-case hex, a v4 UUID without dashes (docs/zstack-protocol.md#results-and-errorcode). */
export function newUuid(): string {
  return randomUUID().replace(/-/g, '');
}

/**
 * A reproducible sequence of v4-shaped uuids (mulberry32 from `seed`), for runs that must be compared
 * byte for byte (the deterministic option of the server).
 */
export function seededUuids(seed: number): () => string {
  let a = seed >>> 0;
  const next32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => {
    const hex = [next32(), next32(), next32(), next32()].map((n) => n.toString(16).padStart(8, '0')).join('');
    const variant = '89ab'[parseInt(hex[16], 16) & 3];
    return `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
  };
}

/** Well-formed per successIfResourceNotExisting: 32 hex, version nibble 1-5, variant 8/9/a/b. */
export function isWellFormedUuid(s: string): boolean {
  return /^[0-9a-f]{12}[1-5][0-9a-f]{3}[89ab][0-9a-f]{15}$/.test(s);
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

export class Store {
  private readonly byResource = new Map<string, Map<string, StoredResource>>();

  private table(resource: string): Map<string, StoredResource> {
    let t = this.byResource.get(resource);
    if (!t) this.byResource.set(resource, (t = new Map()));
    return t;
  }

  get(resource: string, uuid: string): StoredResource | undefined {
    return this.table(resource).get(uuid);
  }

  /** Exists and not soft-deleted. */
  live(resource: string, uuid: string): StoredResource | undefined {
    const r = this.get(resource, uuid);
    return r && !r.softDeleted ? r : undefined;
  }

  /** All records, including soft-deleted ones. */
  all(resource: string): StoredResource[] {
    return [...this.table(resource).values()];
  }

  put(rec: StoredResource): void {
    this.table(rec.resource).set(rec.uuid, rec);
  }

  remove(resource: string, uuid: string): void {
    this.table(resource).delete(uuid);
  }

  /** Every stored resource with its name, soft-deleted ones included. */
  names(): Array<{ resource: string; uuid: string; name: string; softDeleted: boolean }> {
    return [...this.byResource.values()].flatMap((t) =>
      [...t.values()].map((r) => ({
        resource: r.resource,
        uuid: r.uuid,
        name: String(r.inv['name'] ?? ''),
        softDeleted: r.softDeleted === true,
      })),
    );
  }
}
