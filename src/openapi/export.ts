// An OpenAPI 3.1 document of every API of the surface (contracts/sdk/apis/ with the hand-written overlays), for
// tools that speak OpenAPI (Postman, Prism, Schemathesis): one
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

function componentSchemas(contracts: Contracts): Obj {
  const out: Obj = {};
  for (const [name, schema] of contracts.schemas) {
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

/** A reply field's JSON type as the SDK Result class gives it (reply.fields) as a schema. */
function fieldSchema(type: string): unknown {
  return ['string', 'boolean', 'integer', 'number', 'array', 'object'].includes(type) ? { type } : {};
}

function replySchema(api: ApiDescriptor): unknown {
  const inv = api.reply.schema ? { $ref: `#/components/schemas/${api.reply.schema}` } : {};
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
  if (api.reply.body === 'fields' && api.reply.fields)
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(api.reply.fields).map(([f, t]) => [f, fieldSchema(t)])),
    };
  return { type: 'object' };
}

const oneOrOneOf = (schemas: unknown[]): unknown => {
  const distinct = [...new Map(schemas.map((s) => [JSON.stringify(s), s])).values()];
  return distinct.length === 1 ? distinct[0] : { oneOf: distinct };
};

/** The replies of the APIs sharing one method and path: a job for the async ones, a result for the sync ones. */
function responsesOf(apis: readonly ApiDescriptor[]): Obj {
  const rest = plainText(
    'refused by the REST layer (no or non-OAuth Authorization, no action key, a wrong JSON type): plain text, no job',
  );
  const out: Obj = {};
  const sync = apis.filter((a) => !a.async);
  if (sync.length) out['200'] = { description: 'the result', content: json(oneOrOneOf(sync.map(replySchema))) };
  const async = apis.filter((a) => a.async);
  if (async.length) {
    const results = async.map((a) =>
      a.reply.body === 'empty' ? 'an empty object' : `{"${a.reply.body}": ${a.reply.schema ?? '...'}}`,
    );
    out['202'] = {
      description: `accepted: poll the location (GET /zstack/v1/api-jobs/{jobUuid}); the job's 200 result is ${[...new Set(results)].join(' or ')}, its failure 503 {"error": ErrorCode}`,
      content: json({
        type: 'object',
        required: ['location'],
        properties: { location: { type: 'string' }, apiTimeout: { type: 'integer' } },
      }),
    };
  }
  out['400'] = rest;
  if (sync.length)
    out['503'] = { description: 'the API failed (ID.1001 for an unknown session)', content: json(errorReply) };
  return out;
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

/** A path parameter: a uuid where the descriptor types it so (or says nothing), else a string. */
function pathParamSchema(api: ApiDescriptor, name: string): unknown {
  const p = api.params[name];
  return !p || p.type === 'uuid' ? { $ref: '#/components/schemas/common_uuid' } : { type: 'string' };
}

const placeholders = (template: string): string[] => (template.match(/\{(\w+)\}/g) ?? []).map((n) => n.slice(1, -1));

/**
 * The path and query parameters of the APIs sharing one method and path; a path parameter is described by the
 * first API's parameter at the same position of its own template (`own`), whatever the shared template calls it.
 */
function parametersOf(apis: readonly ApiDescriptor[], template: string, own: string): Obj[] {
  const first = apis[0];
  const out: Obj[] = [];
  const ownNames = placeholders(own);
  for (const [i, name] of placeholders(template).entries()) {
    const ownName = ownNames[i] ?? name;
    const references = first.params[ownName]?.references;
    out.push({
      name,
      in: 'path',
      required: true,
      description: references
        ? `uuid of the ${references}`
        : first.params[ownName]?.type === 'uuid' || !first.params[ownName]
          ? 'a uuid'
          : ownName,
      schema: pathParamSchema(first, ownName),
    });
  }
  const query = new Map<string, Obj>();
  for (const api of apis) {
    for (const [name, p] of Object.entries(api.params)) {
      if (p.in !== 'query' || query.has(name)) continue;
      query.set(name, {
        name,
        in: 'query',
        required: apis.every((a) => a.params[name]?.required === true),
        description: `${name}${p.enum ? `: ${p.enum.join(' or ')}` : ''}`,
        schema: p.enum ? { type: 'string', enum: p.enum } : { type: 'string' },
      });
    }
  }
  out.push(...query.values());
  if (first.kind === 'query' && !template.includes('{'))
    out.push(...QUERY_PARAMS.filter((q) => !query.has(q.name)).map((q) => ({ in: 'query', required: false, ...q })));
  return out;
}

/** What a finished job can answer: the result of each async API (distinct envelopes). */
function jobResults(contracts: Contracts): unknown[] {
  const seen = new Map<string, unknown>();
  for (const api of contracts.surface.values()) {
    if (!api.async) continue;
    const s = replySchema(api);
    seen.set(JSON.stringify(s), s);
  }
  return [...seen.values()];
}

function describeJobs(apis: readonly ApiDescriptor[]): string {
  if (apis.every((a) => a.async)) return 'Asynchronous: 202 and a job to poll.';
  if (apis.every((a) => !a.async)) return 'Synchronous.';
  return `Asynchronous (202 and a job): ${apis
    .filter((a) => a.async)
    .map((a) => a.name)
    .join(', ')}; the others synchronous.`;
}

interface Route {
  method: string;
  /** the path as the export writes it (one spelling per shape) */
  template: string;
  /** the first API's own template (its placeholder names) */
  own: string;
  apis: ApiDescriptor[];
}

/** A template without its placeholder names: `/v1/x/{uuid}/actions` and `/v1/x/{xUuid}/actions` are one URL. */
const shapeOf = (template: string): string => template.replace(/\{\w+\}/g, '{}');

/** Per shape, the spelling most APIs use (then the first by name): OpenAPI allows one path per shape. */
function spellings(apis: Iterable<ApiDescriptor>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const api of apis)
    for (const t of [api.path, api.pathWithUuid].filter((p): p is string => p !== undefined)) {
      const m = counts.get(shapeOf(t)) ?? new Map<string, number>();
      m.set(t, (m.get(t) ?? 0) + 1);
      counts.set(shapeOf(t), m);
    }
  return new Map(
    [...counts].map(([shape, m]) => [shape, [...m].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0][0]]),
  );
}

const areaOf = (api: ApiDescriptor): string => api.area ?? 'other';
const sinceText = (api: ApiDescriptor): string => `${api.name} ${api.since ?? '(version unknown)'}`;

/** An operationId not taken yet: the one API's name, or the resource's `Actions` for a shared route. */
function operationIdOf(r: Route, byUuid: boolean, taken: Set<string>): string {
  const first = r.apis[0];
  const base = r.apis.length === 1 ? `${first.name}${byUuid ? 'ByUuid' : ''}` : `${first.resource}Actions`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

export function buildOpenApi(contracts: Contracts, version: string): Obj {
  const routes = new Map<string, Route>();
  const spelling = spellings(contracts.surface.values());
  for (const api of contracts.surface.values()) {
    for (const own of [api.path, api.pathWithUuid].filter((p): p is string => p !== undefined)) {
      const key = `${api.method} ${shapeOf(own)}`;
      const template = spelling.get(shapeOf(own)) ?? own;
      const r = routes.get(key) ?? { method: api.method, template, own, apis: [] };
      r.apis.push(api);
      routes.set(key, r);
    }
  }
  const paths: Record<string, Obj> = {};
  const taken = new Set<string>(['PollApiJob']);
  for (const r of [...routes.values()].sort(
    (a, b) => a.template.localeCompare(b.template) || a.method.localeCompare(b.method),
  )) {
    const first = r.apis[0];
    const byUuid = r.own === first.pathWithUuid;
    const op: Obj = {
      operationId: operationIdOf(r, byUuid, taken),
      summary:
        r.apis.length === 1
          ? `${first.name}${byUuid ? ' (one, by uuid)' : ''}`
          : `${r.apis.length} APIs, the body's action key selects one: ${r.apis.map((a) => a.name).join(' / ')}`,
      description: `Since ${r.apis.map(sinceText).join(', ')}. ${describeJobs(r.apis)}`,
      tags: [...new Set(r.apis.map(areaOf))].sort(),
      'x-zstack-apis': r.apis.map((a) => a.name),
    };
    const parameters = parametersOf(r.apis, r.template, r.own);
    if (parameters.length) op['parameters'] = parameters;
    const bodies = r.apis
      .map((a) => requestBodySchema(a))
      .filter((b): b is JsonSchema => b !== undefined)
      .map(toOpenApiSchema);
    if (bodies.length)
      op['requestBody'] = { required: true, content: json(bodies.length === 1 ? bodies[0] : { oneOf: bodies }) };
    op['responses'] = responsesOf(r.apis);
    if (r.apis.every((a) => a.suppressCredentialCheck)) op['security'] = [];
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
  const areas = [...new Set([...contracts.surface.values()].map(areaOf))].sort();
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
      ...areas.map((a) => ({ name: a, description: `APIs of the ${a} area` })),
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
