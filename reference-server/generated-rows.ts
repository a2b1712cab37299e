// Rows for the Query APIs the server serves without modelling their resource (generic-queries.ts): a few rows per
// inventory, generated from its JSON Schema by a generator seeded with the API's name, so every run, every server
// and every machine answers the same rows. Timestamps are epoch ms (rendered per variant like any stored one).
// Nested inventories go one level deep: an inventory inside a nested one is left out (an array of them is []).
import type { Contracts, JsonSchema } from '../contracts/index.ts';
import { resolveRef } from './schema-map.ts';
import { seededUuids, type Inventory } from './store.ts';

/** Generated timestamps lie in the year after this instant, at whole seconds. */
const ROW_EPOCH = Date.UTC(2024, 0, 1);
const YEAR_SECONDS = 365 * 24 * 3600;
const UUID_PATTERN = '^[0-9a-f]{32}$';

/** FNV-1a of the text: the seed of an API's rows. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: uniform numbers in [0, 1). */
function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wholeSchemaRef = (s: JsonSchema): string | undefined =>
  typeof s.$ref === 'string' ? /^urn:zstack:([A-Za-z0-9]+)$/.exec(s.$ref)?.[1] : undefined;

class RowMaker {
  private readonly random: () => number;
  private readonly uuid: () => string;

  constructor(
    private readonly contracts: Contracts,
    seed: number,
  ) {
    this.random = randomOf(seed);
    this.uuid = seededUuids(seed);
  }

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  /** An inventory of the schema; `depth` 1 is a nested one (its own nested inventories are left out). */
  object(schema: JsonSchema, depth: number): Inventory {
    const out: Inventory = {};
    for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      const v = this.value(name, prop, depth);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  /** A value of the member `name`, or undefined to leave it out (Gson omits nulls: every member is optional). */
  value(name: string, schema: JsonSchema, depth: number): unknown {
    const nested = wholeSchemaRef(schema);
    if (nested !== undefined) {
      const target = this.contracts.schemas.get(nested);
      if (target?.properties) return depth >= 1 ? undefined : this.object(target, depth + 1);
    }
    const s = resolveRef(this.contracts, schema);
    const alternatives = s.anyOf ?? s.oneOf;
    if (Array.isArray(alternatives) && alternatives.length > 0)
      return this.value(name, alternatives[0] as JsonSchema, depth);
    if (s.format === 'zstack-timestamp') return ROW_EPOCH + this.int(YEAR_SECONDS) * 1000;
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[this.int(s.enum.length)];
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type];
    switch (types.find((t) => t !== 'null')) {
      case 'string':
        return this.text(name, s);
      case 'integer':
        return this.int(100);
      case 'number':
        return this.int(10000) / 100;
      case 'boolean':
        return this.random() < 0.5;
      case 'array':
        return this.array(name, s, depth);
      case 'object':
        return s.properties ? (depth >= 1 ? undefined : this.object(s, depth + 1)) : {};
      case undefined:
        // `{}`: any JSON (a Java Object); a string is as good as any
        return Object.keys(s).length === 0 ? this.text(name, s) : undefined;
      default:
        return undefined;
    }
  }

  private array(name: string, s: JsonSchema, depth: number): unknown[] {
    const items = s.items && typeof s.items === 'object' ? (s.items as JsonSchema) : undefined;
    if (!items || this.random() < 0.5) return [];
    const item = this.value(name, items, depth);
    return item === undefined ? [] : [item];
  }

  /** Uuids for uuid members, else short ASCII; a pattern or length it cannot meet leaves the member out. */
  private text(name: string, s: JsonSchema): string | undefined {
    const v =
      /uuid$/i.test(name) || s.pattern === UUID_PATTERN
        ? this.uuid()
        : `${name.slice(0, 12)}-${this.int(0x10000).toString(16).padStart(4, '0')}`;
    if (typeof s.maxLength === 'number' && v.length > s.maxLength) return undefined;
    if (typeof s.minLength === 'number' && v.length < s.minLength) return undefined;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) return undefined;
    return v;
  }
}

/** 2-4 rows of the inventory `schemaName` for the API named (seeded by the name); without a schema, rows `{uuid}`. */
export function generatedRows(contracts: Contracts, api: string, schemaName: string | undefined): Inventory[] {
  const maker = new RowMaker(contracts, seedOf(api));
  const schema = schemaName === undefined ? undefined : contracts.schemas.get(schemaName);
  const count = 2 + maker.int(3);
  return Array.from({ length: count }, () => (schema ? maker.object(schema, 0) : { uuid: maker.value('uuid', {}, 0) }));
}
