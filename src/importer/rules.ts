// What a page cannot say, decided by rule from ZStack's general patterns (each rule cites its section of
// docs/zstack-protocol.md). What no rule decides comes from the API's override file (overrides.ts).
import type { ApiDescriptor, Effect, ParamSpec } from '../../contracts/index.ts';
import type { ParsedPage } from './page-model.ts';

/** Enum values the SDK fixes for a docs type that the pages never list (docs/zstack-protocol.md#state-events). */
export const KNOWN_ENUMS: Record<string, string[]> = { StateEvent: ['enable', 'disable'] };

/**
 * Column widths every ZStack resource shares: name VARCHAR(255), description VARCHAR(2048)
 * (docs/zstack-protocol.md#inventory-fields-always-present).
 */
export const MAX_LENGTHS: Record<string, number> = { name: 255, description: 2048 };

/**
 * An action's key is the API name with a lower-case first letter; a create wraps its parameters in `params`
 * (docs/zstack-protocol.md#action-keys).
 */
export const actionKeyOf = (api: string): string => api[0].toLowerCase() + api.slice(1);

export function kindOf(page: ParsedPage): ApiDescriptor['kind'] {
  if (/^LogIn/.test(page.apiName)) return 'login';
  if (/^LogOut/.test(page.apiName)) return 'logout';
  if (page.method === 'GET') return 'query';
  if (page.method === 'DELETE') return 'delete';
  if (page.method === 'POST' && (page.bodyKey === 'params' || /^Create/.test(page.apiName))) return 'create';
  return 'action';
}

/** Every non-GET API but login is asynchronous: 202 + location (docs/zstack-protocol.md#sync-and-async-jobs). */
export const isAsync = (method: string, kind: ApiDescriptor['kind']): boolean => method !== 'GET' && kind !== 'login';

export const bodyKeyOf = (api: string, kind: ApiDescriptor['kind']): string | undefined =>
  kind === 'create' ? 'params' : kind === 'action' || kind === 'login' ? actionKeyOf(api) : undefined;

/** The resource an inventory describes: its name without "Inventory". */
export const resourceOfSchema = (schema: string): string => schema.replace(/Inventory$/, '');

/**
 * State events move a resource between Enabled and Disabled, repeats idempotent, nothing else changes but
 * lastOpDate (docs/zstack-protocol.md#state-events); updates change exactly the fields they are sent
 * (docs/zstack-protocol.md#updates); a create sets the fields it is sent.
 */
export function effectOf(
  api: string,
  kind: ApiDescriptor['kind'],
  params: Record<string, ParamSpec>,
  inventoryFields: string[],
): Effect | undefined {
  const bodyParams = Object.entries(params)
    .filter(([, p]) => p.in === 'body')
    .map(([n]) => n);
  const fields = Object.fromEntries(bodyParams.filter((n) => inventoryFields.includes(n)).map((n) => [n, n]));
  const event = params['stateEvent'];
  if (kind === 'action' && event?.enum && /^Change\w+State$/.test(api) && inventoryFields.includes('state')) {
    const transitions = Object.fromEntries(event.enum.map((e) => [e, `${e[0].toUpperCase()}${e.slice(1)}d`]));
    return { kind: 'stateEvent', param: 'stateEvent', field: 'state', transitions, mayChange: ['state', 'lastOpDate'] };
  }
  if (kind === 'action' && /^Update/.test(api)) return { kind: 'update', fields, mayChange: ['lastOpDate'] };
  if (kind === 'create') return { kind: 'create', fields };
  if (kind === 'delete') return { kind: 'delete' };
  return undefined;
}

/** Key order of the checked-in contracts, so written files read like hand-written ones. */
export const DESCRIPTOR_KEYS = [
  'name',
  'since',
  'resource',
  'kind',
  'method',
  'path',
  'pathWithUuid',
  'async',
  'suppressCredentialCheck',
  'bodyKey',
  'tags',
  'params',
  'effect',
  'reply',
  'docPage',
  'docDefects',
  '$comment',
  'sources',
];
export const PARAM_KEYS = [
  'in',
  'type',
  'required',
  'enum',
  'maxLength',
  'minItems',
  'items',
  'default',
  'since',
  'secret',
  'unique',
  'references',
  'description',
  'provenance',
];
export const EFFECT_KEYS = [
  'kind',
  'param',
  'field',
  'transitions',
  'fields',
  'mayChange',
  'softDelete',
  'deletedState',
];
export const SCHEMA_KEYS = [
  '$schema',
  '$id',
  'title',
  'x-zstack-class',
  '$comment',
  'type',
  'required',
  'x-required-since',
  'x-advisory-required',
  'properties',
  'additionalProperties',
];

export function ordered<T extends Record<string, unknown>>(obj: T, keys: string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}
