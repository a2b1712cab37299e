// Comparing JSON values the way ZStack's semantics allow: key order, null versus absent and the order of
// inventory lists the server builds from joined rows are not significant.
import { isObject, type JsonObject } from '../../exchange/json.ts';

/**
 * Canonical form for equality: object keys sorted; lists of inventories (objects with a uuid) sorted by uuid,
 * since the server builds them from joined rows in no defined order
 * (docs/zstack-protocol.md#inventory-fields-always-present).
 */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical);
    if (items.every((i) => isObject(i) && typeof i['uuid'] === 'string')) {
      return [...items].sort((a, b) =>
        String((a as JsonObject)['uuid']).localeCompare(String((b as JsonObject)['uuid'])),
      );
    }
    return items;
  }
  if (isObject(v)) {
    const out: JsonObject = {};
    // null == absent (Gson drops nulls)
    for (const k of Object.keys(v).sort()) if (v[k] !== null) out[k] = canonical(v[k]);
    return out;
  }
  return v;
}

export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Fields whose values differ between two inventories (absent and null are the same). */
export function changedFields(a: JsonObject, b: JsonObject): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameJson(a[k] ?? null, b[k] ?? null)).sort();
}
