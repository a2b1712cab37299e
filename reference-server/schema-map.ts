// The `schema` map of replies (docs/zstack-protocol.md#the-schema-map): JSON path -> Java class
// (x-zstack-class), parents before children, derived by walking the inventory's JSON Schema.
import type { Contracts, JsonSchema } from '../contracts/index.ts';

/** Follows `$ref: "urn:zstack:X"` / `"urn:zstack:X#/$defs/y"` to the schema (one level at a time, until none). */
export function resolveRef(contracts: Contracts, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const m = /^urn:zstack:([A-Za-z0-9]+)(?:#\/\$defs\/([A-Za-z0-9_]+))?$/.exec(s.$ref);
    const target = m ? contracts.schemas.get(m[1]) : undefined;
    if (!m || !target) return s;
    if (m[2]) {
      const defs = target.$defs as Record<string, JsonSchema> | undefined;
      const def = defs?.[m[2]];
      if (!def) return s;
      s = def;
    } else {
      s = target;
    }
  }
  return s;
}

/** Schema file stem of a `$ref`, when it names a whole schema (`urn:zstack:TicketFlowInventory`). */
function refName(schema: JsonSchema): string | undefined {
  const m = typeof schema.$ref === 'string' ? /^urn:zstack:([A-Za-z0-9]+)$/.exec(schema.$ref) : null;
  return m ? m[1] : undefined;
}

/** Pre-order entries [path, class] for `value` typed by schema `schemaName` at `path`. */
export function schemaEntries(
  contracts: Contracts,
  schemaName: string,
  value: unknown,
  path: string,
): [string, string][] {
  const schema = contracts.schemas.get(schemaName);
  if (!schema || !value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: [string, string][] = [];
  const cls = schema['x-zstack-class'];
  if (typeof cls === 'string') out.push([path, cls]);
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const obj = value as Record<string, unknown>;
  for (const [name, propSchema] of Object.entries(props)) {
    const v = obj[name];
    if (v === undefined || v === null) continue;
    const direct = refName(propSchema);
    if (direct && contracts.schemas.get(direct)?.properties) {
      out.push(...schemaEntries(contracts, direct, v, `${path}.${name}`));
    } else if (
      propSchema.type === 'array' &&
      Array.isArray(v) &&
      propSchema.items &&
      typeof propSchema.items === 'object'
    ) {
      const itemName = refName(propSchema.items as JsonSchema);
      if (itemName && contracts.schemas.get(itemName)?.['x-zstack-class']) {
        v.forEach((item, i) => out.push(...schemaEntries(contracts, itemName, item, `${path}.${name}[${i}]`)));
      }
    }
  }
  return out;
}

const timestampNamesCache = new WeakMap<Contracts, Map<string, ReadonlySet<string>>>();

/**
 * The names of every timestamp member of an inventory, nested inventories included (stored as epoch ms, rendered in
 * the Java spelling): the properties whose schema ends at the format `zstack-timestamp`.
 */
export function timestampNames(contracts: Contracts, schemaName: string): ReadonlySet<string> {
  let bySchema = timestampNamesCache.get(contracts);
  if (!bySchema) timestampNamesCache.set(contracts, (bySchema = new Map()));
  let names = bySchema.get(schemaName);
  if (!names) {
    const found = new Set<string>();
    collectTimestampNames(contracts, schemaName, found, new Set());
    bySchema.set(schemaName, (names = found));
  }
  return names;
}

function collectTimestampNames(contracts: Contracts, schemaName: string, into: Set<string>, seen: Set<string>): void {
  if (seen.has(schemaName)) return;
  seen.add(schemaName);
  const props = (contracts.schemas.get(schemaName)?.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, prop] of Object.entries(props)) {
    if (resolveRef(contracts, prop).format === 'zstack-timestamp') into.add(name);
    const nested =
      refName(prop) ?? (prop.items && typeof prop.items === 'object' ? refName(prop.items as JsonSchema) : undefined);
    if (nested) collectTimestampNames(contracts, nested, into, seen);
  }
}
