// The JSON Schema of an API's request body, derived from its descriptor (never written by hand): used to
// validate the doc pages' request examples, by the generators, and for the pact request bodies.
import type { ApiDescriptor, JsonSchema, ParamSpec } from '../../contracts/index.ts';

export function paramSchema(p: ParamSpec): JsonSchema {
  switch (p.type) {
    case 'uuid':
      return { $ref: 'urn:zstack:common#/$defs/uuid' };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'list':
      return { type: 'array', items: p.items ?? {}, ...(p.minItems !== undefined ? { minItems: p.minItems } : {}) };
    case 'number':
      return { type: 'number' };
    case 'map':
      return { type: 'object' };
    case 'any':
      return {};
    case 'string':
      return {
        type: 'string',
        ...(p.enum ? { enum: p.enum } : {}),
        ...(p.maxLength ? { maxLength: p.maxLength } : {}),
      };
  }
}

/** The body as the SDK sends it: {<bodyKey>: {params}, systemTags?, userTags?}; undefined for APIs without a body. */
export function requestBodySchema(api: ApiDescriptor): JsonSchema | undefined {
  if (!api.bodyKey) return undefined;
  const body = Object.entries(api.params).filter(([, p]) => p.in === 'body');
  const inner: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(body.map(([n, p]) => [n, paramSchema(p)])),
    required: body.filter(([, p]) => p.required).map(([n]) => n),
  };
  const tags = api.tags
    ? { systemTags: { $ref: 'urn:zstack:common#/$defs/tags' }, userTags: { $ref: 'urn:zstack:common#/$defs/tags' } }
    : {};
  return {
    type: 'object',
    required: [api.bodyKey],
    properties: { [api.bodyKey]: inner, ...tags },
    additionalProperties: false,
  };
}
