// In-memory resources of one server instance. Inventories are kept as plain objects whose timestamps are
// epoch milliseconds (rendered per variant on output); hidden per-resource data lives in `meta`.
import { randomUUID } from 'node:crypto';

export type Inventory = Record<string, unknown>;

export interface StoredResource {
  resource: string;
  uuid: string;
  inv: Inventory;
  /** the inventory before the last update / state change (fault query-stale) */
  prev?: Inventory;
  /** soft-deleted (projects: state Deleted until expunged) */
  softDeleted?: boolean;
  systemTags: string[];
  userTags: string[];
  meta: Record<string, unknown>;
}

/** 32 lower-case hex, a v4 UUID without dashes (notes, "Results": UUIDs). */
export function newUuid(): string {
  return randomUUID().replace(/-/g, '');
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

  /** Remember the current inventory as the pre-change version (for the query-stale fault). */
  snapshot(rec: StoredResource): void {
    rec.prev = clone(rec.inv);
  }
}
