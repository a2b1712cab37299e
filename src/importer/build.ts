// A parsed page -> the API descriptor and the inventory schemas it names, in the checked-in form: the page's
// facts, then the rules (rules.ts), then the overrides (overrides.ts), keys in the contracts' order.
import { basename } from 'node:path';
import type { ApiDescriptor, JsonSchema, ParamSpec } from '../../contracts/index.ts';
import { paramTypeOf, propertySchemaOf } from './doc-types.ts';
import { applyOverrides, OverrideError, readOverride, type OverrideFile } from './overrides.ts';
import { PageError } from './page-error.ts';
import type { PageField, ParsedPage } from './page-model.ts';
import {
  bodyKeyOf,
  DESCRIPTOR_KEYS,
  EFFECT_KEYS,
  effectOf,
  isAsync,
  KNOWN_ENUMS,
  kindOf,
  MAX_LENGTHS,
  ordered,
  PARAM_KEYS,
  resourceOfSchema,
  SCHEMA_KEYS,
} from './rules.ts';

const TAGS = new Set(['systemTags', 'userTags']);
const SHARED_SCHEMAS = new Set(['ErrorCode', 'common']);

export interface BuiltSchema {
  name: string;
  schema: JsonSchema;
  /** false: a hand-written schema with no override file, kept as it is */
  write: boolean;
  /** page fields the kept schema does not have */
  missing: string[];
}

/** The reply member that carries the inventory: inventory / inventories, with its documented structure. */
export function replyInventoryField(page: ParsedPage): PageField | undefined {
  return page.reply.find((f) => f.name === 'inventory' || f.name === 'inventories');
}

function inlineItems(children: PageField[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const c of children) properties[c.name] = propertySchemaOf(c) ?? {};
  return { type: 'object', properties };
}

const refTarget = (s: unknown): string | undefined => {
  const ref = (s as JsonSchema | undefined)?.['$ref'];
  const m = typeof ref === 'string' ? /^urn:zstack:([A-Za-z0-9]+)$/.exec(ref) : null;
  return m && !SHARED_SCHEMAS.has(m[1]) ? m[1] : undefined;
};

/** The schemas of an inventory and the structures inside it, named by the page or by the schema's override. */
export function buildSchemas(
  page: ParsedPage,
  contractsDir: string,
  existing: ReadonlyMap<string, JsonSchema>,
): BuiltSchema[] {
  const root = replyInventoryField(page);
  if (!root) return [];
  if (!/Inventory$/.test(root.type))
    throw new PageError(page.file, root.line, `an inventory type (…Inventory) for the reply's ${root.name}`, root.type);
  const out: BuiltSchema[] = [];
  const pending: Array<{ name: string; field: PageField }> = [{ name: root.type, field: root }];
  while (pending.length > 0) {
    const { name, field } = pending.shift() as { name: string; field: PageField };
    if (out.some((s) => s.name === name)) continue;
    const override = readOverride(contractsDir, `schemas/${name}.json`);
    const kept = existing.get(name);
    if (kept && !override) {
      const props = Object.keys((kept['properties'] ?? {}) as object);
      out.push({
        name,
        schema: kept,
        write: false,
        missing: field.children.map((c) => c.name).filter((n) => !props.includes(n)),
      });
      continue;
    }
    const properties: Record<string, JsonSchema> = {};
    for (const c of field.children) {
      const s = propertySchemaOf(c);
      if (!s)
        throw new PageError(
          page.file,
          c.line,
          `a documented type for ${name}.${c.name} (String, Boolean, Timestamp, List, LinkedHashMap, int, long, an enum or an inventory)`,
          c.type,
        );
      properties[c.name] =
        c.type === 'List' && c.children.length > 0 ? { type: 'array', items: inlineItems(c.children) } : s;
    }
    const schema: JsonSchema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:zstack:${name}`,
      title: name,
      type: 'object',
      properties,
    };
    if (override?.set) applyOverrides(schema, override.set, `contracts/overrides/schemas/${name}.json`);
    out.push({ name, schema: ordered(schema, SCHEMA_KEYS), write: true, missing: [] });
    // structures the override names ({"$ref": "urn:zstack:X"} or items of one) are written as their own schemas
    for (const c of field.children) {
      const p = (schema['properties'] as Record<string, JsonSchema>)[c.name];
      const target = refTarget(p) ?? refTarget(p?.['items']);
      if (target && c.children.length > 0) pending.push({ name: target, field: c });
    }
  }
  return out;
}

function paramOf(page: ParsedPage, f: PageField): ParamSpec {
  const type = paramTypeOf(f);
  if (!type)
    throw new PageError(
      page.file,
      f.line,
      `a parameter type the suite knows (String, Boolean, int, long, List, StateEvent or another enum) for ${f.name}`,
      f.type,
    );
  const enumValues = f.values && f.values.length > 0 ? f.values : KNOWN_ENUMS[f.type];
  const p: ParamSpec = { in: f.in ?? 'body', type };
  if (f.required) p.required = true;
  if (enumValues && type === 'string') p.enum = [...enumValues];
  if (type === 'string' && MAX_LENGTHS[f.name] !== undefined) p.maxLength = MAX_LENGTHS[f.name];
  if (f.since && f.since !== page.since) p.since = f.since;
  return p;
}

const SECTION = 'docs/zstack-protocol.md#';
const api_effectKind = (
  page: ParsedPage,
  kind: ApiDescriptor['kind'],
  params: Record<string, ParamSpec>,
  inventoryFields: string[],
): string | undefined => effectOf(page.apiName, kind, params, inventoryFields)?.kind;

/** The sections of the protocol reference the rules that made the descriptor rest on. */
function ruleSections(kind: ApiDescriptor['kind'], effect: string | undefined): string[] {
  const out = [`${SECTION}the-api-family`, `${SECTION}sync-and-async-jobs`];
  if (kind === 'action' || kind === 'create') out.push(`${SECTION}action-keys`);
  if (effect === 'stateEvent') out.push(`${SECTION}state-events`);
  if (effect === 'update') out.push(`${SECTION}updates`);
  return out;
}

/** The descriptor as the page and the rules make it, before its doc defects; the API's override applied. */
export function buildDescriptor(
  page: ParsedPage,
  override: OverrideFile | undefined,
  inventoryFields: string[],
): ApiDescriptor {
  const kind = kindOf(page);
  const path = '/' + page.pathAsWritten.replace(/^\//, '').replace(/^zstack\//, '');
  if (!/^\/v1\/[a-z0-9/{}A-Z-]+$/.test(path))
    throw new PageError(page.file, page.pathLine, 'a path under /zstack/v1/', page.pathAsWritten);
  const inv = replyInventoryField(page);
  const schema = inv && /Inventory$/.test(inv.type) ? inv.type : undefined;
  const params: Record<string, ParamSpec> = {};
  for (const f of page.params) if (!TAGS.has(f.name)) params[f.name] = paramOf(page, f);
  for (const name of path.match(/\{(\w+)\}/g) ?? []) {
    const p = params[name.slice(1, -1)];
    if (!p)
      throw new PageError(
        page.file,
        page.pathLine,
        `a parameter ${name} documented with location url`,
        page.pathAsWritten,
      );
    p.in = 'path';
    p.required = true;
  }
  const resource = schema ? resourceOfSchema(schema) : undefined;
  // an action or state event names the resource it works on; an unknown one fails with SYS.1003
  // (docs/zstack-protocol.md#unknown-resources-and-repeated-deletes)
  if (kind === 'action' && resource && params['uuid']?.in === 'path') params['uuid'].references = resource;
  const api: Record<string, unknown> = {
    name: page.apiName,
    since: page.since,
    resource,
    kind,
    method: page.method,
    path,
    async: isAsync(page.method, kind),
    bodyKey: bodyKeyOf(page.apiName, kind),
    tags: page.params.some((f) => TAGS.has(f.name)) ? true : undefined,
    params,
    effect: effectOf(page.apiName, kind, params, inventoryFields),
    reply: { body: inv ? inv.name : 'empty', ...(schema ? { schema } : {}) },
    docPage: basename(page.file),
    sources: [
      `doc page ${basename(page.file)}`,
      ...ruleSections(kind, api_effectKind(page, kind, params, inventoryFields)),
    ],
  };
  if (override?.set) applyOverrides(api, override.set, `contracts/overrides/${page.apiName}.json`);
  if (typeof api['resource'] !== 'string')
    throw new OverrideError(
      `${page.apiName}: the page names no inventory, so its resource is unknown; set /resource in contracts/overrides/${page.apiName}.json`,
    );
  const finalParams = api['params'] as Record<string, ParamSpec>;
  for (const [n, p] of Object.entries(finalParams))
    finalParams[n] = ordered(p as unknown as Record<string, unknown>, PARAM_KEYS) as unknown as ParamSpec;
  if (api['effect']) api['effect'] = ordered(api['effect'] as Record<string, unknown>, EFFECT_KEYS);
  return ordered(api, DESCRIPTOR_KEYS) as unknown as ApiDescriptor;
}
