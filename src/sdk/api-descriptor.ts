// One generated API descriptor (contracts/sdk/apis/<Name>.json) from an SDK action's facts, its Result class and,
// when the server has one, the doc template of its REST url.
import type { ActionFacts, ParamFacts } from './action-facts.ts';
import type { DocTemplates, MessageDoc } from './doc-templates.ts';
import type { GeneratedDescriptor, GeneratedParam, GeneratedParamType } from './generated-descriptor.ts';
import { jsonTypeOf } from './java-json-type.ts';
import type { SdkClasses, SdkField } from './sdk-classes.ts';
import { SDK_PACKAGE } from './sdk-classes.ts';

/** @Param fields AbstractAction sends itself (headers, the tag lists at the body's top level), not API parameters. */
export const TRANSPORT_PARAMS = ['systemTags', 'userTags', 'sessionId', 'accessKeyId', 'accessKeySecret', 'requestIp'];
const TAG_PARAMS = ['systemTags', 'userTags'];
export const QUERY_BY_UUID_CONVENTION = 'docs/zstack-protocol.md#query-language';

export interface ImportContext {
  classes: SdkClasses;
  docs: DocTemplates;
  classMap: Record<string, string>;
  /** `METHOD /v1/path` -> the message doc templates that list it */
  docsByUrl: Map<string, MessageDoc[]>;
  /** simple names of the schemas the import writes */
  schemaNames: Set<string>;
}

/** "0.6" -> "0.6.0", "4.7.21" as is; anything else undefined. */
export function normalizedSince(text: string | undefined): string | undefined {
  const m = text?.trim().match(/^(\d+)\.(\d+)(?:\.(\d+))?$/);
  return m ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}` : undefined;
}

const PARAM_TYPES: Readonly<Record<string, GeneratedParamType>> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'map',
};

/** A type name of the action's file, qualified: SDK classes by the action's package or org.zstack.sdk. */
function qualified(javaType: string, actionPackage: string, classes: SdkClasses): string {
  const erased = javaType.replace(/<.*$/s, '').trim();
  if (erased.includes('.')) return erased;
  return [actionPackage, SDK_PACKAGE].map((p) => `${p}.${erased}`).find((c) => classes.has(c)) ?? erased;
}

const isEnum = (fqn: string, classes: SdkClasses): boolean => classes.has(fqn) && classes.get(fqn).kind === 'enum';

function paramSpec(
  name: string,
  p: ParamFacts,
  where: GeneratedParam['in'],
  pkg: string,
  doc: MessageDoc | undefined,
  ctx: ImportContext,
): GeneratedParam {
  const fqn = qualified(p.javaType, pkg, ctx.classes);
  const json = jsonTypeOf(p.javaType.includes('.') || fqn === p.javaType ? p.javaType : fqn, (c) =>
    isEnum(c, ctx.classes),
  );
  const spec: GeneratedParam = { in: where, type: json ? PARAM_TYPES[json] : 'any' };
  if (p.required) spec.required = true;
  if (p.validValues) spec.enum = p.validValues;
  else if (isEnum(fqn, ctx.classes)) spec.enum = ctx.classes.get(fqn).constants;
  if (p.validRegexValues !== undefined) spec.pattern = p.validRegexValues;
  if (p.maxLength !== undefined) spec.maxLength = p.maxLength;
  if (p.minLength !== undefined) spec.minLength = p.minLength;
  if (p.nonempty !== undefined) spec.nonempty = p.nonempty;
  if (p.nullElements !== undefined) spec.nullElements = p.nullElements;
  if (p.emptyString !== undefined) spec.emptyString = p.emptyString;
  // bigint bounds (Long.MAX_VALUE) stay exact in the written JSON (src/sdk/json-text.ts)
  if (p.numberRange !== undefined) spec.numberRange = p.numberRange;
  if (p.numberRangeUnit !== undefined) spec.numberRangeUnit = p.numberRangeUnit;
  if (p.noTrim !== undefined) spec.noTrim = p.noTrim;
  if (p.initializer !== undefined && p.initializer !== null) spec.default = p.initializer;
  const since = normalizedSince(doc?.columnSince.get(name));
  if (since) spec.since = since;
  return spec;
}

/** The JSON type of a Result field, for reply.fields. */
function fieldJsonType(field: SdkField, classes: SdkClasses): string {
  const json = jsonTypeOf(field.resolved, (c) => isEnum(c, classes));
  if (json) return json;
  if (field.resolved === 'java.sql.Timestamp') return 'string';
  if (classes.has(field.resolved)) return 'object';
  return 'any';
}

const KINDS = {
  verb: /^[A-Z][a-z]+/,
  resource: /^[A-Z][A-Za-z0-9]+$/,
};

const SDK_BASES = ['org.zstack.sdk.'];
const SERVER_BASES = ['org.zstack.header.', 'org.zstack.'];

/** The first segment of the package below one of `bases` (the first that applies), as a slug. */
export function areaOf(pkg: string, bases: readonly string[]): string | undefined {
  for (const base of bases) {
    if (pkg.startsWith(base)) {
      const first = pkg.slice(base.length).split('.')[0];
      const slug = first.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
      return /^[a-z]/.test(slug) ? slug : undefined;
    }
  }
  return undefined;
}

const packageOf = (fqn: string): string => fqn.slice(0, fqn.lastIndexOf('.'));

/** The message doc template of a REST url: the one that lists it, preferring the one named after the API. */
function messageDoc(name: string, url: string, ctx: ImportContext): MessageDoc | undefined {
  const found = ctx.docsByUrl.get(url) ?? [];
  if (found.length <= 1) return found[0];
  return found.find((d) => d.file.endsWith(`/API${name}MsgDoc_zh_cn.groovy`)) ?? found[0];
}

export function apiDescriptor(
  facts: ActionFacts,
  resultType: string | undefined,
  ctx: ImportContext,
): GeneratedDescriptor {
  const simple = facts.class.slice(facts.class.lastIndexOf('.') + 1);
  const name = simple.slice(0, -'Action'.length);
  const pkg = packageOf(facts.class);
  const method = facts.rest.httpMethod as GeneratedDescriptor['method'];
  const path = `/v1${facts.rest.path}`;
  const isQuery = facts.extends === 'QueryAction';
  const doc = messageDoc(name, `${method} ${path}`, ctx);
  const sources = [facts.file];
  if (doc) sources.push(doc.file);

  const kind: GeneratedDescriptor['kind'] = isQuery
    ? 'query'
    : name.startsWith('LogIn')
      ? 'login'
      : name === 'LogOut'
        ? 'logout'
        : method === 'DELETE'
          ? 'delete'
          : name.startsWith('Create') && method === 'POST'
            ? 'create'
            : 'action';

  const params: Record<string, GeneratedParam> = {};
  const pathParams = new Set([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
  for (const [p, f] of Object.entries(facts.params)) {
    if (TRANSPORT_PARAMS.includes(p)) continue;
    const where = pathParams.has(p) ? 'path' : method === 'GET' || method === 'DELETE' ? 'query' : 'body';
    params[p] = paramSpec(p, f, where, pkg, doc, ctx);
  }

  // reply, from the Result class the action's Result.value holds
  const resultClass = resultType && qualified(resultType, pkg, ctx.classes);
  const result = resultClass && ctx.classes.has(resultClass) ? ctx.classes.get(resultClass) : undefined;
  const reply: GeneratedDescriptor['reply'] = { body: 'empty' };
  const fields: Record<string, string> = {};
  let replyDocFile: string | undefined;
  const resultFields = result ? result.fields : [];
  const inventory = resultFields.find(
    (f) => f.name === 'inventory' && ctx.classes.has(f.resolved) && ctx.classes.get(f.resolved).kind === 'class',
  );
  const inventories = resultFields.find((f) => f.name === 'inventories' && fieldJsonType(f, ctx.classes) === 'array');
  if (inventory) {
    reply.body = 'inventory';
    reply.schema = ctx.classes.get(inventory.resolved).simpleName;
  } else if (inventories) {
    reply.body = 'inventories';
    const replyDoc = doc?.replyClass ? ctx.docs.classes.get(doc.replyClass) : undefined;
    const rowServer = replyDoc?.refs.get('inventories');
    const rowSdk = rowServer ? ctx.classMap[rowServer] : undefined;
    const byName = isQuery ? `${SDK_PACKAGE}.${name.slice('Query'.length)}Inventory` : undefined;
    if (rowSdk && ctx.classes.has(rowSdk) && ctx.schemaNames.has(ctx.classes.get(rowSdk).simpleName)) {
      reply.schema = ctx.classes.get(rowSdk).simpleName;
      reply.schemaSource = 'doc-template';
      replyDocFile = replyDoc!.file;
    } else {
      const candidates = ctx.classes.bySimpleName.get(`${name.slice('Query'.length)}Inventory`) ?? [];
      if (byName && candidates.length === 1 && ctx.schemaNames.has(`${name.slice('Query'.length)}Inventory`)) {
        reply.schema = `${name.slice('Query'.length)}Inventory`;
        reply.schemaSource = 'sdk-name';
      }
    }
  }
  for (const f of resultFields)
    if (f !== inventory && f !== inventories) fields[f.name] = fieldJsonType(f, ctx.classes);
  if (!inventory && !inventories && resultFields.length) reply.body = 'fields';
  if (Object.keys(fields).length) reply.fields = fields;
  if (replyDocFile) sources.push(replyDocFile);

  const rest = name.replace(KINDS.verb, '');
  // LogIn*/LogOut: "Log" is no verb of a resource; they open and close a session (their reply is SessionInventory)
  const resource =
    kind === 'login' || kind === 'logout'
      ? 'Session'
      : isQuery && reply.schema
        ? reply.schema.replace(/Inventory$/, '')
        : isQuery
          ? name.slice('Query'.length)
          : KINDS.resource.test(rest)
            ? rest
            : name;

  let area = areaOf(pkg, SDK_BASES);
  area ??= doc ? areaOf(doc.package, SERVER_BASES) : undefined;
  if (!area && isQuery && reply.schema) {
    const sdkClass = ctx.classes.bySimpleName.get(reply.schema)?.[0];
    const server = Object.entries(ctx.classMap)
      .filter(([, s]) => s === sdkClass)
      .map(([k]) => k)
      .sort()[0];
    area = server ? areaOf(packageOf(server), SERVER_BASES) : undefined;
  }

  const descriptor: GeneratedDescriptor = {
    name,
    generated: true,
    sdk: { class: facts.class, file: facts.file, ...(result ? { result: result.simpleName } : {}) },
    area: area ?? 'other',
    ...(doc?.category ? { docCategory: doc.category } : {}),
    resource,
    kind,
    method,
    path,
    ...(isQuery ? { pathWithUuid: `${path}/{uuid}` } : {}),
    async: facts.rest.needPoll,
    ...(facts.rest.needSession ? {} : { suppressCredentialCheck: true }),
    ...(facts.rest.parameterName ? { bodyKey: facts.rest.parameterName } : {}),
    ...(TAG_PARAMS.some((t) => t in facts.params) ? { tags: true } : {}),
    params,
    reply,
    sources,
  };
  // the doc template (already in sources) lists GET path/{uuid}, or ZStack's REST convention gives it
  if (isQuery && !doc?.urls.includes(`GET ${path}/{uuid}`)) sources.push(QUERY_BY_UUID_CONVENTION);
  return descriptor;
}
