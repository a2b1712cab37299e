// An OpenAPI 3.1 document of every contract, for tools that speak OpenAPI (Postman, Prism, Schemathesis): one
// operation per method and path (the APIs that share a PUT .../actions URL become one operation whose body is
// one of theirs, told apart by the action key), request bodies derived from the descriptors as the suite derives
// them, replies from contracts/schemas, ZStack's async jobs and plain-text REST-layer errors as they are
// (docs/zstack-protocol.md#sync-and-async-jobs, docs/zstack-protocol.md#http-status-codes).
import type { ApiDescriptor, Contracts, JsonSchema } from '../../contracts/index.ts';
import { requestBodySchema } from '../contract-model/request-schema.ts';

type Obj = Record<string, unknown>;

/** `urn:zstack:X` -> `#/components/schemas/X`; `urn:zstack:common#/$defs/y` -> `#/components/schemas/common_y`. */
function refOf(urn: string): string {
  const m = /^urn:zstack:([A-Za-z0-9]+)(?:#\/\$defs\/([A-Za-z0-9_]+))?$/.exec(urn);
  if (!m) throw new Error(`openapi: cannot convert $ref ${urn}`);
  return `#/components/schemas/${m[2] ? `${m[1]}_${m[2]}` : m[1]}`;
}

/** A contracts schema as an OpenAPI 3.1 Schema Object: refs into components, no $schema/$id. */
export function toOpenApiSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toOpenApiSchema);
  if (s === null || typeof s !== 'object') return s;
  const out: Obj = {};
  for (const [k, v] of Object.entries(s as Obj)) {
    if (k === '$schema' || k === '$id') continue;
    if (k === '$ref' && typeof v === 'string') out[k] = refOf(v);
    else if (k === 'properties' || k === '$defs')
      out[k] = Object.fromEntries(Object.entries(v as Obj).map(([n, x]) => [n, toOpenApiSchema(x)]));
    else out[k] = toOpenApiSchema(v);
  }
  return out;
}

/** The schemas the exported operations name (replies, parameter items, ErrorCode, common) and all they `$ref`,
 * by name: the contracts also hold every generated SDK schema, most of which no exported operation uses. */
function usedSchemas(contracts: Contracts): Array<[string, JsonSchema]> {
  const pending = ['ErrorCode', 'common', ...[...contracts.apis.values()].flatMap((a) => a.reply.schema ?? [])];
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Obj)) {
        const m = k === '$ref' && typeof v === 'string' ? /^urn:zstack:([A-Za-z0-9]+)/.exec(v) : null;
        if (m) pending.push(m[1]);
        else visit(v);
      }
  };
  for (const api of contracts.apis.values()) visit(api.params);
  while (pending.length) {
    const name = pending.pop()!;
    if (used.has(name) || !contracts.schemas.has(name)) continue;
    used.add(name);
    visit(contracts.schemas.get(name));
  }
  return [...contracts.schemas].filter(([name]) => used.has(name));
}

function componentSchemas(contracts: Contracts): Obj {
  const out: Obj = {};
  for (const [name, schema] of usedSchemas(contracts)) {
    const defs = schema['$defs'] as Record<string, JsonSchema> | undefined;
    if (defs && !schema['properties'] && !schema['type']) {
      for (const [d, def] of Object.entries(defs)) out[`${name}_${d}`] = toOpenApiSchema(def);
      continue;
    }
    out[name] = toOpenApiSchema(schema);
  }
  return out;
}

const json = (schema: unknown): Obj => ({ 'application/json': { schema } });
const plainText = (description: string): Obj => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
});
const errorReply = {
  type: 'object',
  required: ['error'],
  properties: { error: { $ref: '#/components/schemas/ErrorCode' } },
};

function replySchema(api: ApiDescriptor): unknown {
  const inv = api.reply.schema ? { $ref: `#/components/schemas/${api.reply.schema}` } : undefined;
  if (api.reply.body === 'inventory')
    return { type: 'object', properties: { inventory: inv, error: { type: 'null' } } };
  if (api.reply.body === 'inventories') {
    return {
      type: 'object',
      properties: {
        inventories: { type: 'array', items: inv },
        total: { type: 'integer' },
        schema: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
  }
  return { type: 'object' };
}

function responsesOf(api: ApiDescriptor): Obj {
  const rest = plainText(
    'refused by the REST layer (no or non-OAuth Authorization, no action key, a wrong JSON type): plain text, no job',
  );
  if (api.async) {
    return {
      '202': {
        description: `accepted: poll the location (GET /zstack/v1/api-jobs/{jobUuid}); the job's 200 result is ${api.reply.body === 'empty' ? 'an empty object' : `{"${api.reply.body}": ${api.reply.schema}}`}, its failure 503 {"error": ErrorCode}`,
        content: json({
          type: 'object',
          required: ['location'],
          properties: { location: { type: 'string' }, apiTimeout: { type: 'integer' } },
        }),
      },
      '400': rest,
    };
  }
  return {
    '200': { description: 'the result', content: json(replySchema(api)) },
    '400': rest,
    '503': { description: 'the API failed (ID.1001 for an unknown session)', content: json(errorReply) },
  };
}

const QUERY_PARAMS = [
  {
    name: 'q',
    description: 'a condition field<op>value (repeatable, ANDed)',
    schema: { type: 'array', items: { type: 'string' } },
    explode: true,
  },
  { name: 'limit', description: 'at most this many (default 1000)', schema: { type: 'integer', minimum: 0 } },
  { name: 'start', description: 'offset', schema: { type: 'integer', minimum: 0 } },
  { name: 'count', description: 'only the number of matches', schema: { type: 'boolean' } },
  { name: 'replyWithCount', description: 'adds total', schema: { type: 'boolean' } },
  { name: 'sort', description: '+field or -field', schema: { type: 'string' } },
  { name: 'fields', description: 'only these fields of each inventory, comma-separated', schema: { type: 'string' } },
];

function parametersOf(api: ApiDescriptor, template: string): Obj[] {
  const out: Obj[] = [];
  for (const name of (template.match(/\{(\w+)\}/g) ?? []).map((n) => n.slice(1, -1))) {
    out.push({
      name,
      in: 'path',
      required: true,
      description: api.params[name]?.references ? `uuid of the ${api.params[name].references}` : 'a uuid',
      schema: { $ref: '#/components/schemas/common_uuid' },
    });
  }
  for (const [name, p] of Object.entries(api.params)) {
    if (p.in !== 'query') continue;
    out.push({
      name,
      in: 'query',
      required: p.required === true,
      description: `${name}${p.enum ? `: ${p.enum.join(' or ')}` : ''}`,
      schema: p.enum ? { type: 'string', enum: p.enum } : { type: 'string' },
    });
  }
  if (api.kind === 'query' && !template.includes('{'))
    out.push(...QUERY_PARAMS.map((q) => ({ in: 'query', required: false, ...q })));
  return out;
}

/** What a finished job can answer: the result of each async API (distinct envelopes). */
function jobResults(contracts: Contracts): unknown[] {
  const seen = new Map<string, unknown>();
  for (const api of contracts.apis.values()) {
    if (!api.async) continue;
    const s = replySchema(api);
    seen.set(JSON.stringify(s), s);
  }
  return [...seen.values()];
}

interface Route {
  method: string;
  template: string;
  apis: ApiDescriptor[];
}

export function buildOpenApi(contracts: Contracts, version: string): Obj {
  const routes = new Map<string, Route>();
  for (const api of contracts.apis.values()) {
    for (const template of [api.path, api.pathWithUuid].filter((p): p is string => p !== undefined)) {
      const key = `${api.method} ${template}`;
      const r = routes.get(key) ?? { method: api.method, template, apis: [] };
      r.apis.push(api);
      routes.set(key, r);
    }
  }
  const paths: Record<string, Obj> = {};
  for (const r of [...routes.values()].sort((a, b) => a.template.localeCompare(b.template))) {
    const first = r.apis[0];
    const byUuid = r.template === first.pathWithUuid;
    const op: Obj = {
      operationId: r.apis.length === 1 ? `${first.name}${byUuid ? 'ByUuid' : ''}` : `${first.resource}Actions`,
      summary:
        r.apis.length === 1
          ? `${first.name}${byUuid ? ' (one, by uuid)' : ''}`
          : `${r.apis.map((a) => a.name).join(' / ')} (the action key selects one)`,
      description: `Since ${r.apis.map((a) => `${a.name} ${a.since}`).join(', ')}. ${first.async ? 'Asynchronous: 202 and a job to poll.' : 'Synchronous.'}`,
      tags: [first.resource],
      'x-zstack-apis': r.apis.map((a) => a.name),
    };
    const parameters = parametersOf(first, r.template);
    if (parameters.length) op['parameters'] = parameters;
    const bodies = r.apis
      .map((a) => requestBodySchema(a))
      .filter((b): b is JsonSchema => b !== undefined)
      .map(toOpenApiSchema);
    if (bodies.length)
      op['requestBody'] = { required: true, content: json(bodies.length === 1 ? bodies[0] : { oneOf: bodies }) };
    op['responses'] = responsesOf(first);
    if (first.suppressCredentialCheck) op['security'] = [];
    paths['/zstack' + r.template] = { ...(paths['/zstack' + r.template] ?? {}), [r.method.toLowerCase()]: op };
  }
  paths['/zstack/v1/api-jobs/{jobUuid}'] = {
    get: {
      operationId: 'PollApiJob',
      summary: 'The state or result of an asynchronous API call',
      description: 'Poll the location an async call answered with; the server does not check the session here.',
      tags: ['Jobs'],
      security: [],
      parameters: [
        {
          name: 'jobUuid',
          in: 'path',
          required: true,
          description: 'the job (32 hex)',
          schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        },
      ],
      responses: {
        '200': {
          description: 'the API succeeded: its result ({"inventory": ...} or {})',
          content: json({ anyOf: jobResults(contracts) }),
        },
        '202': { description: 'still running', content: json({ type: 'object' }) },
        '404': plainText('no such job, or expired'),
        '503': { description: 'the API failed', content: json(errorReply) },
      },
    },
  };
  const resources = [...new Set([...contracts.apis.values()].map((a) => a.resource))].sort();
  return {
    openapi: '3.1.0',
    info: {
      title: 'ZStack REST API as zstack-conformance tests it',
      version,
      description:
        'Generated by `npm run openapi` from contracts/ (API descriptors and JSON Schemas). Null fields are omitted by real servers, replies may have no Content-Type, REST-layer errors are plain text.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      {
        url: 'http://{host}:{port}',
        description: 'a ZStack management node',
        variables: {
          host: { default: 'zstack-mn.internal', description: 'its host name' },
          port: { default: '8080', description: 'the default port of the management node' },
        },
      },
    ],
    security: [{ session: [] }],
    tags: [
      ...resources.map((r) => ({ name: r, description: `APIs of ${r}` })),
      { name: 'Jobs', description: 'asynchronous job results' },
    ],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: '"OAuth <session uuid>" (the uuid LogInByAccount returns)',
        },
      },
      schemas: componentSchemas(contracts),
    },
  };
}
