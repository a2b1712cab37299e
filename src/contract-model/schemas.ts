// Ajv (draft 2020-12) over contracts/schemas: one compiled validator per schema and target version.
// The schemas are the single source of truth; this module only adds what depends on the target's version
// (x-required-since) and the timestamp format.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Contracts, JsonSchema } from '../../contracts/index.ts';
import { isZStackTimestamp } from './timestamps.ts';

export interface SchemaProblem {
  path: string;
  message: string;
  keyword: string;
  missingProperty?: string;
}

export const versionAtLeast = (v: string, min: string): boolean => {
  const a = v.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

/** The schema as the target version requires it: x-required-since fields join `required` when due. */
function forVersion(schema: JsonSchema, version: string): JsonSchema {
  const since = schema['x-required-since'] as Record<string, string> | undefined;
  if (!since) return schema;
  const extra = Object.entries(since)
    .filter(([, v]) => versionAtLeast(version, v))
    .map(([k]) => k);
  return { ...schema, required: [...((schema['required'] as string[] | undefined) ?? []), ...extra] };
}

/** An Ajv that knows the contracts' own keywords and formats, holding these schemas. */
function ajvOf(schemas: Iterable<JsonSchema>): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  ajv.addKeyword({ keyword: 'x-zstack-class' });
  ajv.addKeyword({ keyword: 'x-required-since' });
  ajv.addKeyword({ keyword: 'x-advisory-required' });
  // the generated schemas' provenance (contracts/sdk/schemas/): the SDK class and the SDK class it extends
  ajv.addKeyword({ keyword: 'x-sdk-class' });
  ajv.addKeyword({ keyword: 'x-sdk-extends' });
  ajv.addFormat('zstack-timestamp', { type: 'string', validate: isZStackTimestamp });
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly contracts: Contracts,
    readonly targetVersion: string,
  ) {
    this.ajv = ajvOf([...contracts.schemas.values()].map((schema) => forVersion(schema, targetVersion)));
  }

  /** The compiled validator of a schema by file stem, e.g. "ErrorCode". */
  validator(name: string): ValidateFunction {
    let v = this.validators.get(name);
    if (!v) {
      const schema = this.contracts.schemas.get(name);
      if (!schema) throw new Error(`no schema contracts/schemas/${name}.schema.json`);
      const compiled = this.ajv.getSchema(schema['$id'] as string);
      if (!compiled) throw new Error(`schema ${name} did not compile`);
      v = compiled;
      this.validators.set(name, v);
    }
    return v;
  }

  validate(name: string, value: unknown): SchemaProblem[] {
    const v = this.validator(name);
    return v(value) ? [] : (v.errors ?? []).map(toProblem);
  }

  /**
   * Fields inferred to be always present (docs/zstack-protocol.md#inventory-fields-always-present)
   * (x-advisory-required): reported, never required.
   */
  advisoryRequired(name: string): string[] {
    return (this.contracts.schemas.get(name)?.['x-advisory-required'] as string[] | undefined) ?? [];
  }

  /** A one-off validator for an inline schema (e.g. a descriptor parameter's `items`). */
  compileInline(schema: JsonSchema): ValidateFunction {
    return this.ajv.compile(schema);
  }
}

// The schemas as written (no target version applied), for following `$ref`s: one Ajv per set of contracts.
const asWritten = new WeakMap<Contracts, Ajv2020>();

/**
 * The schema a `$ref` chain ends at (`urn:zstack:X`, `urn:zstack:X#/$defs/y`), as Ajv resolves it over the
 * contracts' schemas as written; a schema without `$ref` is its own end.
 */
export function dereference(contracts: Contracts, schema: JsonSchema): JsonSchema {
  let ajv = asWritten.get(contracts);
  if (!ajv) {
    ajv = ajvOf(contracts.schemas.values());
    asWritten.set(contracts, ajv);
  }
  let s = schema;
  for (let i = 0; i < 10 && typeof s['$ref'] === 'string'; i++) {
    const target = ajv.getSchema(s['$ref'] as string)?.schema;
    if (typeof target !== 'object' || target === null)
      throw new Error(`contracts: cannot resolve $ref ${String(s['$ref'])}`);
    s = target as JsonSchema;
  }
  return s;
}

function toProblem(e: ErrorObject): SchemaProblem {
  const missing =
    e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : undefined;
  return {
    path: e.instancePath || '/',
    keyword: e.keyword,
    message: missing
      ? `missing required field "${missing}"`
      : `${e.message ?? e.keyword}${e.keyword === 'enum' ? ` ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}` : ''}`,
    ...(missing ? { missingProperty: missing } : {}),
  };
}

export const formatProblems = (ps: SchemaProblem[]): string => ps.map((p) => `${p.path}: ${p.message}`).join('; ');

/**
 * A JSON pointer below `where` as a path a reader follows: `/vmNics/0/ip` under `inventories[0]` ->
 * `inventories[0].vmNics[0].ip`.
 */
export const pointerAt = (where: string, pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : `${path}.${s}`), where);

/** The problems of one value at `where`, each naming its field: `inventories[0].name: must be string`. */
export const formatProblemsAt = (where: string, ps: SchemaProblem[]): string =>
  ps.map((p) => `${pointerAt(where, p.path)}: ${p.message}`).join('; ');
