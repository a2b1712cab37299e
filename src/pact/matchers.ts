// JSON Schema -> Pact matcher template. The pacts never assert a literal value the API does not define:
// uuids and timestamps become regexes, other scalars type matchers, enums a regex of their alternatives,
// lists eachLike. Only required properties appear (Pact ignores extra response keys, and Gson omits null
// fields, so an optional field may be absent on a conformant server).
import { MatchersV3 } from '@pact-foundation/pact';
import type { Contracts, JsonSchema } from '../../contracts/index.ts';
import { dereference, versionAtLeast } from '../contract-model/schemas.ts';
import { TIMESTAMP_PATTERN } from '../contract-model/timestamps.ts';

const { like, regex, eachLike, integer, decimal } = MatchersV3;

export const UUID_PATTERN = '^[0-9a-f]{32}$';
export const EXAMPLE_UUID = '5b2ac1c6e09a4e2e9c3b2a7d1f0e8c4b';
export const EXAMPLE_TIMESTAMP = 'Jan 6, 2017 3:51:16 AM';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface MatcherOptions {
  /** target version: x-required-since fields due at it are required too (default: all of them) */
  version?: string;
  /** top-level properties asserted with these exact values (the semantics the API defines, e.g. state) */
  fixed?: Record<string, unknown>;
  /** optional top-level properties to include anyway (e.g. the fields an update just set) */
  include?: string[];
}

export class SchemaMatchers {
  constructor(private readonly contracts: Contracts) {}

  /** The matcher template of a named schema (file stem, e.g. "IAM2OrganizationInventory"). */
  forSchema(name: string, opts: MatcherOptions = {}): unknown {
    return this.of({ $ref: `urn:zstack:${name}` }, opts, 0);
  }

  /** The matcher template of any (inline) schema. */
  of(schema: JsonSchema, opts: MatcherOptions = {}, depth = 0): unknown {
    if (depth > 8) throw new Error('pact matchers: schema nesting too deep (recursive $ref?)');
    const s = dereference(this.contracts, schema);
    if (Array.isArray(s['enum'])) {
      const alts = (s['enum'] as unknown[]).map(String);
      return regex(`^(${alts.map(escapeRe).join('|')})$`, alts[0]);
    }
    if (Array.isArray(s['anyOf'])) {
      const first = (s['anyOf'] as JsonSchema[])
        .map((x) => dereference(this.contracts, x))
        .find((x) => x['type'] !== 'null');
      return first ? this.of(first, {}, depth + 1) : null;
    }
    const type = Array.isArray(s['type'])
      ? (s['type'] as string[]).find((t) => t !== 'null')
      : (s['type'] as string | undefined);
    switch (type) {
      case 'string': {
        // the checks' own pattern, Java 20+ spelling included: a pact has no advisory level, and the conformance run
        // reports that spelling through the advisory check timestampsParseableBySdk
        // (docs/zstack-protocol.md#timestamps)
        if (s['format'] === 'zstack-timestamp') return regex(TIMESTAMP_PATTERN, EXAMPLE_TIMESTAMP);
        if (s['pattern'] === UUID_PATTERN) return regex(UUID_PATTERN, EXAMPLE_UUID);
        if (typeof s['pattern'] === 'string') return regex(s['pattern'] as string, exampleFor(s['pattern'] as string));
        return like('text');
      }
      case 'boolean':
        return like(true);
      case 'integer':
        return integer(1);
      case 'number':
        return decimal(1.5);
      case 'array': {
        const items = (s['items'] as JsonSchema | undefined) ?? {};
        const min = typeof s['minItems'] === 'number' ? Math.max(1, s['minItems'] as number) : 1;
        return eachLike(this.of(items, {}, depth + 1), min);
      }
      case 'object':
      case undefined: {
        const props = (s['properties'] as Record<string, JsonSchema> | undefined) ?? {};
        if (Object.keys(props).length === 0) return like({});
        const required = new Set<string>([...((s['required'] as string[] | undefined) ?? []), ...(opts.include ?? [])]);
        const since = (s['x-required-since'] as Record<string, string> | undefined) ?? {};
        for (const [field, v] of Object.entries(since))
          if (!opts.version || versionAtLeast(opts.version, v)) required.add(field);
        const out: Record<string, unknown> = {};
        for (const [field, sub] of Object.entries(props)) {
          if (opts.fixed && field in opts.fixed) out[field] = opts.fixed[field];
          else if (required.has(field)) out[field] = this.of(sub, {}, depth + 1);
        }
        for (const [field, v] of Object.entries(opts.fixed ?? {})) if (!(field in out)) out[field] = v;
        return out;
      }
      default:
        throw new Error(`pact matchers: unsupported schema type ${String(type)}`);
    }
  }
}

/** A value for the few non-uuid patterns in the schemas (ErrorCode.code `^\S+$`). */
function exampleFor(pattern: string): string {
  if (pattern === '^\\S+$') return 'SYS.1000';
  throw new Error(`pact matchers: no example for pattern ${pattern}; add one`);
}
