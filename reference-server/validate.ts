// Parameter validation inside the API (docs/zstack-protocol.md#results-and-errorcode): a missing required field, a
// value outside
// the allowed ones, an over-long string, a short list or a bad list item -> SYS.1007; a `references`
// uuid naming no live resource -> SYS.1003. Checked field by field in descriptor order.
import type { ApiDescriptor, JsonSchema, ParamSpec } from '../contracts/index.ts';
import type { ServerContext } from './context.ts';
import { invalidArgument, notFoundField, type ApiError } from './errors.ts';
import { resolveRef } from './schema-map.ts';

export interface ValidationOptions {
  /** params whose enum is checked by the effect itself (a stateEvent against its transitions) */
  skipEnum?: ReadonlySet<string>;
  /** replacement messages: `required.<param>` / `minItems.<param>` */
  messages?: Record<string, string>;
}

/** The Java message class name an API's validation errors name. */
export const msgName = (api: ApiDescriptor): string => `API${api.name}Msg`;

export function enumError(api: ApiDescriptor, name: string, allowed: string[], value: unknown): ApiError {
  return invalidArgument(
    `valid value for field[${name}] of message[${msgName(api)}] are [${allowed.join(', ')}], but ${String(value)} found`,
  );
}

export function maxLengthError(api: ApiDescriptor, name: string, max: number, value: string): ApiError {
  return invalidArgument(
    `field[${name}] of message[${msgName(api)}] exceeds max length of string. expected was <= ${max}, actual was ${value.length}`,
  );
}

/** Names of string params longer than their maxLength (after trimming, JS length). */
export function overLengthParams(api: ApiDescriptor, params: Record<string, unknown>): string[] {
  return Object.entries(api.params)
    .filter(
      ([n, s]) =>
        s.maxLength !== undefined && typeof params[n] === 'string' && (params[n] as string).length > s.maxLength,
    )
    .map(([n]) => n);
}

export function valueOf(
  spec: ParamSpec,
  name: string,
  params: Record<string, unknown>,
  pathParams: Record<string, string>,
): unknown {
  return spec.in === 'path' ? pathParams[name] : params[name];
}

export function validateParams(
  ctx: ServerContext,
  api: ApiDescriptor,
  params: Record<string, unknown>,
  pathParams: Record<string, string>,
  opts: ValidationOptions = {},
): void {
  const messages = opts.messages ?? {};
  for (const [name, spec] of Object.entries(api.params)) {
    const v = valueOf(spec, name, params, pathParams);
    if (v === undefined || v === null) {
      if (spec.required)
        throw invalidArgument(
          messages[`required.${name}`] ?? `field[${name}] of message[${msgName(api)}] is mandatory, can not be null`,
        );
      continue;
    }
    if (typeof v === 'string') {
      const error = ctx.hooks.stringParamError(stringError(api, name, spec, v, opts), { api, name, value: v });
      if (error) throw error;
    }
    if (Array.isArray(v)) {
      if (spec.minItems !== undefined && v.length < spec.minItems) {
        throw invalidArgument(
          messages[`minItems.${name}`] ??
            `field[${name}] of message[${msgName(api)}] must contain at least ${spec.minItems} item(s)`,
        );
      }
      if (spec.items) v.forEach((item) => validateItem(ctx, spec.items as JsonSchema, item, name));
    }
    if (spec.references && typeof v === 'string' && !ctx.store.live(spec.references, v))
      throw notFoundField(name, v, spec.references);
  }
}

function stringError(
  api: ApiDescriptor,
  name: string,
  spec: ParamSpec,
  v: string,
  opts: ValidationOptions,
): ApiError | undefined {
  if (spec.enum && !opts.skipEnum?.has(name) && !spec.enum.includes(v)) return enumError(api, name, spec.enum, v);
  if (spec.maxLength !== undefined && v.length > spec.maxLength) return maxLengthError(api, name, spec.maxLength, v);
  return undefined;
}

/** One list element against its item schema: required members (`name cannot be null`) and string lengths. */
function validateItem(ctx: ServerContext, itemSchema: JsonSchema, item: unknown, listName: string): void {
  const schema = resolveRef(ctx.contracts, itemSchema);
  const isObject = schema.type === 'object' || typeof schema.properties === 'object';
  if (!isObject) {
    if (item === null || item === undefined) throw invalidArgument(`${listName} cannot contain null`);
    return;
  }
  const obj = (item ?? {}) as Record<string, unknown>;
  for (const req of (schema.required as string[] | undefined) ?? []) {
    if (obj[req] === undefined || obj[req] === null) {
      throw invalidArgument(
        listName === 'attributes'
          ? `attribute ${req} cannot be null, value[${String(obj.value ?? null)}]`
          : `${req} cannot be null`,
      );
    }
  }
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [k, p0] of Object.entries(props)) {
    const p = resolveRef(ctx.contracts, p0);
    const v = obj[k];
    if (typeof v !== 'string') continue;
    if (typeof p.minLength === 'number' && v.length < p.minLength) throw invalidArgument(`${k} cannot be empty`);
    if (typeof p.maxLength === 'number' && v.length > p.maxLength)
      throw invalidArgument(`${k}[${v}] exceeds the max length of ${p.maxLength} chars`);
  }
}
