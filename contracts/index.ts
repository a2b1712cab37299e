// The contracts as typed data: API descriptors (apis/*.json) and JSON Schemas (schemas/*.schema.json).
// Plain reading only, no validation: the reference server imports this module and nothing from src/,
// so a mistake in the checks cannot hide in the simulator too (descriptors are validated in src/contract-model).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

export const CONTRACTS_DIR = dirname(fileURLToPath(import.meta.url));

/** `number`: a Java Float or Double; `any`: a Java type with no single JSON type (Object, an SDK class). */
export type ParamType = 'string' | 'uuid' | 'boolean' | 'integer' | 'number' | 'list' | 'map' | 'any';

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
  /** The SDK @Param's constraints beyond those above (named as the SDK names them: a generated descriptor's facts). */
  pattern?: string;
  minLength?: number;
  nonempty?: boolean;
  nullElements?: boolean;
  emptyString?: boolean;
  numberRange?: [number, number];
  numberRangeUnit?: string[];
  noTrim?: boolean;
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
  /** the version the API exists since; absent = unknown, counted as any version (src/contract-model/versions.ts) */
  since?: string;
  /** a lower-case slug grouping APIs for certification by area (iam2, vm, network, ...) */
  area?: string;
  /** the category of the server's doc template, as written there */
  docCategory?: string;
  /** written by npm run import:sdk from the official SDK (contracts/sdk/apis/), never by hand */
  generated?: boolean;
  /** where a generated descriptor's facts come from: the SDK action class and its file */
  sdk?: { class: string; file: string; result?: string };
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
  reply: {
    body: 'inventory' | 'inventories' | 'empty' | 'fields';
    schema?: string;
    /** how the schema of the rows is known: a server doc template names it, or only the SDK's naming (advisory) */
    schemaSource?: 'doc-template' | 'server-source' | 'sdk-name';
    /** body `fields`, and fields beside the inventory: reply field -> JSON type (from the SDK Result class) */
    fields?: Record<string, string>;
  };
  docPage?: string;
  docDefects?: DocDefect[];
  sources: string[];
}

/** A hand-written overlay (contracts/apis/X.json): what the SDK cannot say about X, merged over its generated facts. */
export type ApiOverlay = Partial<Omit<ApiDescriptor, 'params' | 'reply'>> & {
  name: string;
  params?: Record<string, Partial<ParamSpec>>;
  reply?: Partial<ApiDescriptor['reply']>;
  $comment?: string;
};

/** An overlay that sets a fact of the SDK to another value without naming the server source that says so. */
export class OverlayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverlayError';
  }
}

/** Parameter constraints an overlay may set against the SDK only with provenance (a path parameter is always sent). */
const SOURCED_CONSTRAINTS = ['required', 'enum', 'maxLength', 'minItems'] as const;
/** What the SDK cannot say of a parameter: an overlay adds or sets it freely. */
const FREE_PARAM_KEYS = new Set(['description', 'secret', 'unique', 'references', 'items', 'provenance']);
/** What the SDK cannot say of an API (the family's resource and kind, the effect, the doc page and its defects). */
const FREE_API_KEYS = new Set(['$comment', 'resource', 'kind', 'effect', 'docPage', 'docDefects']);

const show = (v: unknown): string => (v === undefined ? 'none' : JSON.stringify(v));

/** What to do with an overlay's fact the SDK says otherwise: throw (the default), or drop it (the SDK wins). */
export type OnConflict = (message: string) => void;
const refuse: OnConflict = (message) => {
  throw new OverlayError(message);
};

/** Whether an overlay's value of a parameter member may stand beside the SDK's; else the refusal's text. */
function paramConflict(where: string, k: string, v: unknown, g: ParamSpec, o: Partial<ParamSpec>): string | undefined {
  if (FREE_PARAM_KEYS.has(k)) return undefined;
  const sdk = (g as unknown as Record<string, unknown>)[k];
  if (k === 'type')
    // a uuid is a refinement of a string
    return v === sdk || (v === 'uuid' && sdk === 'string')
      ? undefined
      : `${where}.type: ${show(v)}, the SDK's is ${show(sdk)}`;
  if ((SOURCED_CONSTRAINTS as readonly string[]).includes(k)) {
    const name = k as (typeof SOURCED_CONSTRAINTS)[number];
    const same = name === 'required' ? (v === true) === (sdk === true) : isDeepStrictEqual(v, sdk);
    if (same || o.provenance?.[name] || (name === 'required' && g.in === 'path')) return undefined;
    return `${where}.${k}: ${show(v)}, the SDK's is ${show(sdk)}: delete it, or name the server source in provenance.${k}`;
  }
  return sdk !== undefined && !isDeepStrictEqual(v, sdk)
    ? `${where}.${k}: ${show(v)}, the SDK's is ${show(sdk)}`
    : undefined;
}

function mergeParam(
  where: string,
  g: ParamSpec | undefined,
  o: Partial<ParamSpec>,
  onConflict: OnConflict,
): ParamSpec | undefined {
  if (!g) {
    onConflict(`${where}: not a parameter of the SDK's action`);
    return undefined;
  }
  const out: Record<string, unknown> = { ...g };
  for (const [k, v] of Object.entries(o)) {
    const conflict = paramConflict(where, k, v, g, o);
    if (conflict) onConflict(conflict);
    else out[k] = v;
  }
  return out as unknown as ParamSpec;
}

function mergeReply(
  where: string,
  g: ApiDescriptor['reply'],
  o: Partial<ApiDescriptor['reply']>,
  handWrittenSchemas: ReadonlySet<string>,
  onConflict: OnConflict,
): ApiDescriptor['reply'] {
  const schema = o.schema ?? g.schema;
  const handWritten = schema !== undefined && handWrittenSchemas.has(schema);
  const out: Record<string, unknown> = { ...g };
  for (const [k, v] of Object.entries(o)) {
    const sdk = (g as Record<string, unknown>)[k];
    // a reply schema of contracts/schemas/ is known from the server, not from the SDK's naming
    if (sdk === undefined || isDeepStrictEqual(v, sdk) || ((k === 'schema' || k === 'schemaSource') && handWritten))
      out[k] = v;
    else onConflict(`${where}.${k}: ${show(v)}, the SDK's is ${show(sdk)}`);
  }
  return out as ApiDescriptor['reply'];
}

/**
 * The descriptor of an API: its generated SDK facts with the hand-written overlay over them. An overlay adds what
 * the SDK cannot say; a fact it sets to another value than the SDK's is refused (OverlayError, one line naming the
 * file and the field) unless it is a `uuid` refinement of a string or a constraint with `provenance`. The importer
 * passes `onConflict` to keep the SDK's value instead and report the page's.
 */
export function mergeOverlay(
  generated: ApiDescriptor,
  overlay: ApiOverlay,
  file: string,
  handWrittenSchemas: ReadonlySet<string> = new Set(),
  onConflict: OnConflict = refuse,
): ApiDescriptor {
  const { generated: _generated, ...out } = generated;
  const merged = out as ApiDescriptor & Record<string, unknown>;
  for (const [k, v] of Object.entries(overlay)) {
    if (k === 'params') {
      for (const [n, p] of Object.entries((v ?? {}) as Record<string, Partial<ParamSpec>>)) {
        const param = mergeParam(`${file}: params.${n}`, generated.params[n], p, onConflict);
        if (param) merged.params = { ...merged.params, [n]: param };
      }
    } else if (k === 'reply') {
      const o = v as Partial<ApiDescriptor['reply']>;
      merged.reply = mergeReply(`${file}: reply`, generated.reply, o, handWrittenSchemas, onConflict);
    } else if (k === 'sources') {
      merged.sources = [...new Set([...(v as string[]), ...generated.sources])];
    } else {
      const sdk = (generated as unknown as Record<string, unknown>)[k];
      if (FREE_API_KEYS.has(k) || sdk === undefined || isDeepStrictEqual(v, sdk)) merged[k] = v;
      else onConflict(`${file}: ${k}: ${show(v)}, the SDK's is ${show(sdk)}`);
    }
  }
  return merged;
}

export interface Contracts {
  /** the hand-written, deeply tested family (contracts/apis/), merged over their generated SDK facts */
  apis: Map<string, ApiDescriptor>;
  /** schema title-less name (file stem, e.g. "IAM2OrganizationInventory") -> schema; hand-written over generated */
  schemas: Map<string, JsonSchema>;
  /** every API the official SDK declares (contracts/sdk/apis/), with the hand-written ones over them */
  surface: Map<string, ApiDescriptor>;
  /** SourceClassMap.java: the server class a reply's `schema` map names -> the SDK class it is read into */
  classMap: Map<string, string>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

let cached: Contracts | undefined;

const jsonFiles = (dir: string, suffix = '.json'): string[] => {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(suffix))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
};

const readSchemas = (dir: string, into: Map<string, JsonSchema>): void => {
  for (const f of jsonFiles(dir, '.schema.json'))
    into.set(f.replace(/\.schema\.json$/, ''), readJson(join(dir, f)) as JsonSchema);
};

export function loadContracts(dir = CONTRACTS_DIR): Contracts {
  if (cached && dir === CONTRACTS_DIR) return cached;
  const surface = new Map<string, ApiDescriptor>();
  for (const f of jsonFiles(join(dir, 'sdk', 'apis'))) {
    const api = readJson(join(dir, 'sdk', 'apis', f)) as ApiDescriptor;
    surface.set(api.name, api);
  }
  const handWritten = new Map<string, JsonSchema>();
  readSchemas(join(dir, 'schemas'), handWritten);
  const apis = new Map<string, ApiDescriptor>();
  for (const f of jsonFiles(join(dir, 'apis'))) {
    const overlay = readJson(join(dir, 'apis', f)) as ApiOverlay;
    const generated = surface.get(overlay.name);
    // an API the SDK does not declare (a copy of the contracts without contracts/sdk/) is its overlay alone
    const api = generated
      ? mergeOverlay(generated, overlay, `contracts/apis/${f}`, new Set(handWritten.keys()))
      : (overlay as ApiDescriptor);
    apis.set(api.name, api);
    surface.set(api.name, api);
  }
  const schemas = new Map<string, JsonSchema>();
  readSchemas(join(dir, 'sdk', 'schemas'), schemas);
  for (const [name, schema] of handWritten) schemas.set(name, schema);
  const classMapFile = join(dir, 'sdk', 'source-class-map.json');
  const classMap = new Map<string, string>(
    jsonFiles(join(dir, 'sdk')).includes('source-class-map.json')
      ? Object.entries(readJson(classMapFile) as Record<string, string>)
      : [],
  );
  const result = { apis, schemas, surface: new Map([...surface].sort(([a], [b]) => a.localeCompare(b))), classMap };
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

/**
 * The descriptor of an API by name: the hand-written family first (at a target version its parameters are cut to
 * that version, src/contract-model/versions.ts), then the whole surface.
 */
export const apiNamed = (contracts: Contracts, name: string): ApiDescriptor | undefined =>
  contracts.apis.get(name) ?? contracts.surface.get(name);

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

/** The version before every other: what an API of unknown `since` counts as (available at any version). */
export const ANY_VERSION = '0.0.0';

/** The version an API exists since, an unknown one counting as any version. */
export const sinceOf = (api: Pick<ApiDescriptor, 'since'>): string => api.since ?? ANY_VERSION;
