// The docs' type names, and what each becomes in a descriptor parameter and in an inventory's JSON Schema.
// Names and descriptions follow the columns every ZStack inventory shares (name VARCHAR(255), description
// VARCHAR(2048)); a String whose name is uuid or ends in Uuid holds a ZStack uuid
// (docs/zstack-protocol.md#results-and-errorcode).
import type { JsonSchema, ParamType } from '../../contracts/index.ts';
import type { PageField } from './page-model.ts';

/** Types the docs write for plain values and containers (the API-explorer page glues them to the field name). */
export const DOC_SCALAR_TYPES = new Set([
  'String',
  'Boolean',
  'boolean',
  'Timestamp',
  'List',
  'LinkedHashMap',
  'Map',
  'Object',
  'int',
  'long',
  'Integer',
  'Long',
  'Double',
  'double',
  'ErrorCode',
  'StateEvent',
]);

export const isUuidName = (name: string): boolean => name === 'uuid' || /Uuid$/.test(name);

/** A descriptor parameter type for a documented request field, or undefined when the docs' type has none. */
export function paramTypeOf(f: PageField): ParamType | undefined {
  switch (f.type) {
    case 'String':
      return isUuidName(f.name) ? 'uuid' : 'string';
    case 'Boolean':
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'long':
    case 'Integer':
    case 'Long':
      return 'integer';
    case 'List':
      return 'list';
    default:
      return f.isEnum || /(Event|Type|State|Mode)$/.test(f.type) ? 'string' : undefined;
  }
}

const COMMON = 'urn:zstack:common#/$defs/';

/** An inventory field's JSON Schema from its documented type; `nested` names the schema of a documented structure. */
export function propertySchemaOf(f: PageField, nested?: string): JsonSchema | undefined {
  switch (f.type) {
    case 'String':
      if (isUuidName(f.name)) return { $ref: `${COMMON}uuid` };
      if (f.name === 'name' || f.name === 'description') return { $ref: `${COMMON}${f.name}` };
      return { type: 'string' };
    case 'Timestamp':
      return { $ref: `${COMMON}timestamp` };
    case 'Boolean':
    case 'boolean':
      return { type: 'boolean' };
    case 'int':
    case 'long':
    case 'Integer':
    case 'Long':
      return { type: 'integer' };
    case 'Double':
    case 'double':
      return { type: 'number' };
    case 'LinkedHashMap':
    case 'Map':
    case 'Object':
      return { type: 'object' };
    case 'List':
      return nested ? { type: 'array', items: { $ref: `urn:zstack:${nested}` } } : { type: 'array' };
    case 'ErrorCode':
      return { $ref: 'urn:zstack:ErrorCode' };
    default:
      if (/Inventory$/.test(f.type)) return { $ref: `urn:zstack:${nested ?? f.type}` };
      // an enum whose values the page leaves out (a name/ordinal table): any string until an override lists them
      if (f.isEnum || /(Event|Type|State|Status|Mode)$/.test(f.type)) return { type: 'string' };
      return undefined;
  }
}
