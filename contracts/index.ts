// The contracts as typed data: API descriptors (apis/*.json) and JSON Schemas (schemas/*.schema.json).
// Plain reading only, no validation: the reference server imports this module and nothing from src/,
// so a mistake in the checks cannot hide in the simulator too (descriptors are validated in src/contract-model).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTRACTS_DIR = dirname(fileURLToPath(import.meta.url));

export type ParamType = 'string' | 'uuid' | 'boolean' | 'integer' | 'list' | 'map';

/** A constraint of a parameter whose source is not the official SDK's @Param (tests/self/provenance.spec.ts). */
export type ConstraintName = 'required' | 'enum' | 'maxLength' | 'minItems' | 'items' | 'references';
export type JsonSchema = { [key: string]: unknown };

export interface ParamSpec {
  in: 'path' | 'body' | 'query';
  type: ParamType;
  required?: boolean;
  enum?: string[];
  maxLength?: number;
  minItems?: number;
  items?: JsonSchema;
  default?: unknown;
  since?: string;
  secret?: boolean;
  unique?: boolean;
  references?: string;
  description?: string;
  /**
   * where a constraint the SDK does not declare comes from (server code, with its docs section), or why it is no API
   * rule
   */
  provenance?: Partial<Record<ConstraintName, string>>;
}

export type EffectKind = 'create' | 'stateEvent' | 'update' | 'delete' | 'expunge' | 'membership';

export interface Effect {
  kind: EffectKind;
  /** stateEvent: the request parameter holding the event */
  param?: string;
  /** stateEvent: the inventory field the event sets */
  field?: string;
  /** stateEvent: event -> resulting state */
  transitions?: Record<string, string>;
  /** create/update: request parameter -> inventory field */
  fields?: Record<string, string>;
  /** inventory fields that may differ after the call besides those set */
  mayChange?: string[];
  softDelete?: boolean;
  /** with softDelete: the state a query shows between the delete and the expunge */
  deletedState?: string;
}

export interface DocDefect {
  id: string;
  says: string;
  actually: string;
  source: string;
}

export interface ApiDescriptor {
  name: string;
  since: string;
  resource: string;
  kind: 'login' | 'logout' | 'create' | 'action' | 'delete' | 'query';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  pathWithUuid?: string;
  async: boolean;
  bodyKey?: string;
  tags?: boolean;
  /** the REST layer asks no Authorization header (@SuppressCredentialCheck: login, logout) */
  suppressCredentialCheck?: boolean;
  params: Record<string, ParamSpec>;
  effect?: Effect;
  reply: { body: 'inventory' | 'inventories' | 'empty'; schema?: string };
  docPage?: string;
  docDefects?: DocDefect[];
  sources: string[];
}

export interface Contracts {
  apis: Map<string, ApiDescriptor>;
  /** schema title-less name (file stem, e.g. "IAM2OrganizationInventory") -> schema */
  schemas: Map<string, JsonSchema>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

let cached: Contracts | undefined;

export function loadContracts(dir = CONTRACTS_DIR): Contracts {
  if (cached && dir === CONTRACTS_DIR) return cached;
  const apis = new Map<string, ApiDescriptor>();
  for (const f of readdirSync(join(dir, 'apis'))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const api = readJson(join(dir, 'apis', f)) as ApiDescriptor;
    apis.set(api.name, api);
  }
  const schemas = new Map<string, JsonSchema>();
  for (const f of readdirSync(join(dir, 'schemas'))
    .filter((n) => n.endsWith('.schema.json'))
    .sort()) {
    schemas.set(f.replace(/\.schema\.json$/, ''), readJson(join(dir, 'schemas', f)) as JsonSchema);
  }
  const result = { apis, schemas };
  if (dir === CONTRACTS_DIR) cached = result;
  return result;
}

/** The full URL path (under the fixed /zstack prefix) with path parameters filled in. */
export function apiPath(api: ApiDescriptor, pathParams: Record<string, string>, withUuid = false): string {
  const template = withUuid && api.pathWithUuid ? api.pathWithUuid : api.path;
  return (
    '/zstack' +
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = pathParams[name];
      if (value === undefined) throw new Error(`${api.name}: path parameter ${name} missing`);
      return encodeURIComponent(value);
    })
  );
}

export function apisOf(contracts: Contracts, resource: string): ApiDescriptor[] {
  return [...contracts.apis.values()].filter((a) => a.resource === resource);
}

/** The one API of a resource with this kind (and effect kind), e.g. the query of organizations. */
export function findApi(
  contracts: Contracts,
  resource: string,
  kind: ApiDescriptor['kind'],
  effect?: EffectKind,
): ApiDescriptor {
  const found = apisOf(contracts, resource).filter((a) => a.kind === kind && (!effect || a.effect?.kind === effect));
  if (found.length !== 1)
    throw new Error(
      `contracts: expected one ${kind}${effect ? '/' + effect : ''} API of ${resource}, found ${found.length}`,
    );
  return found[0];
}

/** Java class name the server puts in a reply's `schema` map (x-zstack-class of the schema). */
export function zstackClassOf(contracts: Contracts, schemaName: string): string | undefined {
  const c = contracts.schemas.get(schemaName)?.['x-zstack-class'];
  return typeof c === 'string' ? c : undefined;
}
