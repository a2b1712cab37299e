// Valid inputs derived from the contracts: a descriptor's params (type, enum, maxLength, minItems, items,
// references) and the JSON Schemas their items point to (FlowStruct). Nothing here names an API.
//
// What counts as valid is what a real ZStack accepts and stores as the suite can predict it:
// - strings: Java-trimmed core within maxLength (required names non-empty once trimmed), BMP only;
// - enums: an allowed value, possibly with trim padding (" enable " is valid);
// - booleans: true/false as JSON or as strings in any case (TypeVerifier reads the string form);
// - lists: minItems..a few items built from the item schema; strings inside list items are sent already
//   trimmed (whether the closed validators trim nested members is not public);
// - uuids: the uuid of what the param `references` (a fixture or a resource of the run), as a slot.
// Optional params are generated only when the descriptor's effect names them (their effect is checkable) or
// they are required; optional references are left out (they would need resources the case does not own).
import fc from 'fast-check';
import type { ApiDescriptor, Contracts, JsonSchema, ParamSpec } from '../../contracts/index.ts';
import { dereference } from '../contract-model/schemas.ts';
import { NameSlot, RefSlot } from './slots.ts';
import { core, joinPadded, padded, padding } from './text.ts';

const isUuidSchema = (s: JsonSchema): boolean =>
  typeof s['pattern'] === 'string' && (s['pattern'] as string).includes('[0-9a-f]{32}');

/** Booleans as a conformant server must take them: JSON booleans, or strings in any case. */
export const validBoolean: fc.Arbitrary<boolean | string> = fc.oneof(
  { weight: 4, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.boolean().chain((b) => fc.mixedCase(fc.constant(String(b)))) },
);

/** An allowed enum value, sometimes with padding Java's trim removes. */
export const validEnum = (values: string[]): fc.Arbitrary<string> =>
  fc.tuple(padding, fc.constantFrom(...values), padding).map(([a, v, b]) => a + v + b);

/** A value for one JSON-Schema-typed member of a list item (FlowStruct and the like): trimmed, within limits. */
function itemMember(contracts: Contracts, name: string, schema: JsonSchema): fc.Arbitrary<unknown> {
  const s = dereference(contracts, schema);
  if (isUuidSchema(s)) return fc.constant(new RefSlot(name));
  if (s['type'] === 'boolean') return fc.boolean();
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as string[]));
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : 255;
  const min = Math.max(1, typeof s['minLength'] === 'number' ? s['minLength'] : 0);
  return core({ min, max });
}

/** A list item from its schema: required members always, optional ones sometimes. */
export function validItem(contracts: Contracts, itemSchema: JsonSchema): fc.Arbitrary<unknown> {
  const s = dereference(contracts, itemSchema);
  if (isUuidSchema(s)) return fc.constant(new RefSlot('item'));
  if (s['type'] !== 'object') return core({ min: 1, max: typeof s['maxLength'] === 'number' ? s['maxLength'] : 255 });
  const props = (s['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s['required'] as string[] | undefined) ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, p] of Object.entries(props)) model[k] = itemMember(contracts, k, p);
  return fc.record(model, { requiredKeys: [...required] });
}

export interface ParamGenOptions {
  /** strings named like this get the run's name prefix (so resources carry the run id) */
  nameParam?: string;
  /** how many list items at most */
  maxItems?: number;
}

/** A valid value for one descriptor param (a template: may hold slots). */
export function validParam(
  contracts: Contracts,
  name: string,
  p: ParamSpec,
  opts: ParamGenOptions = {},
): fc.Arbitrary<unknown> {
  switch (p.type) {
    case 'uuid':
      return fc.constant(new RefSlot(name, p.references));
    case 'boolean':
      return validBoolean;
    case 'integer':
      return fc.integer({ min: 0, max: 1000 });
    case 'number':
      return fc.double({ min: 0, max: 1000, noNaN: true });
    case 'map':
      return fc.constant({});
    case 'any':
      return fc.constant(null);
    case 'list': {
      const min = p.minItems ?? 0;
      return fc.array(validItem(contracts, p.items ?? { type: 'string' }), {
        minLength: min,
        maxLength: Math.max(min, opts.maxItems ?? 3),
      });
    }
    case 'string': {
      if (p.enum) return validEnum(p.enum);
      const max = p.maxLength ?? 255;
      if (name === (opts.nameParam ?? 'name')) return padded(core({ min: 0, max })).map((t) => new NameSlot(t, max));
      // non-empty once trimmed even when optional: whether a server stores "" or NULL for an emptied string is not
      // public
      return padded(core({ min: 1, max })).map(joinPadded);
    }
  }
}

/** Body params the generators fill: required ones, and optional ones whose effect the descriptor names. */
export function generatedParams(api: ApiDescriptor): Array<[string, ParamSpec]> {
  const effectParams = new Set(Object.keys(api.effect?.fields ?? {}));
  if (api.effect?.param) effectParams.add(api.effect.param);
  return Object.entries(api.params).filter(([n, p]) => {
    if (p.in !== 'body') return false;
    if (p.required) return true;
    if (p.references) return false;
    return effectParams.has(n);
  });
}

/** Valid body params of an API: every required param, and a random subset of the optional ones. */
export function validBody(
  contracts: Contracts,
  api: ApiDescriptor,
  opts: ParamGenOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const params = generatedParams(api);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [n, p] of params) model[n] = validParam(contracts, n, p, opts);
  return fc.record(model, { requiredKeys: params.filter(([, p]) => p.required).map(([n]) => n) });
}

/** User tags beside the API key (system tags are validated against registered patterns on a real server: left out). */
export const validUserTags: fc.Arbitrary<string[] | undefined> = fc.option(
  fc.array(core({ min: 1, max: 32 }), { minLength: 1, maxLength: 2 }),
  { nil: undefined, freq: 3 },
);

/** A well-formed uuid (32 lower-case hex, version 4, variant 8-b) that names nothing. */
export const unknownUuid: fc.Arbitrary<string> = fc.uuid({ version: 4 }).map((u) => u.replace(/-/g, ''));
