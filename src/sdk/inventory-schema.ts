// One JSON Schema per SDK inventory class (and per SDK class an inventory references), from the class's public
// fields and those it inherits from SDK superclasses. Gson omits null fields, so nothing is `required`; extra
// fields are allowed. List items come from the server's inventory doc template (`ref { name ... clz X.class }`):
// the SDK's fields are raw java.util.List and say nothing about their items.
import type { DocTemplates } from './doc-templates.ts';
import { jsonTypeOf } from './java-json-type.ts';
import { type SdkClass, type SdkClasses, type SdkField } from './sdk-classes.ts';

export type Schema = { [key: string]: unknown };

const TIMESTAMP = new Set(['java.sql.Timestamp']);

export const TIMESTAMP_REF = 'urn:zstack:common#/$defs/timestamp';
export const schemaId = (simpleName: string): string => `urn:zstack:${simpleName}`;

export interface SchemaContext {
  classes: SdkClasses;
  docs: DocTemplates;
  /** SDK class -> the server classes SourceClassMap maps to it, sorted */
  serverClasses: Map<string, string[]>;
  /** server class -> SDK class */
  classMap: Record<string, string>;
}

/** The JSON Schema of one field; `queue` receives every SDK class the schema refers to. */
function fieldSchema(
  field: SdkField,
  itemClass: string | undefined,
  ctx: SchemaContext,
  queue: (c: string) => void,
): Schema {
  const t = field.resolved;
  if (TIMESTAMP.has(t)) return { $ref: TIMESTAMP_REF };
  const json = jsonTypeOf(t);
  if (json === 'array') {
    if (itemClass && ctx.classes.has(itemClass) && ctx.classes.get(itemClass).kind === 'class') {
      queue(itemClass);
      return { type: 'array', items: { $ref: schemaId(ctx.classes.get(itemClass).simpleName) } };
    }
    return { type: 'array' };
  }
  if (json) return { type: json };
  if (ctx.classes.has(t)) {
    const c = ctx.classes.get(t);
    if (c.kind === 'enum') return { type: 'string', enum: c.constants };
    queue(t);
    return { $ref: schemaId(c.simpleName) };
  }
  return {};
}

/** The SDK class a list field's items are, per the inventory doc template of (a server class of) `owner`. */
function listItemClass(owner: SdkClass, field: string, ctx: SchemaContext): string | undefined {
  for (const server of ctx.serverClasses.get(owner.class) ?? []) {
    const itemServer = ctx.docs.classes.get(server)?.refs.get(field);
    const sdk = itemServer && ctx.classMap[itemServer];
    if (sdk) return sdk;
  }
  return undefined;
}

/** The class and its SDK superclasses, the class first. */
function lineage(cls: SdkClass, classes: SdkClasses): SdkClass[] {
  const out = [cls];
  for (let c = cls; c.extends && classes.has(c.extends);) {
    c = classes.get(c.extends);
    if (out.includes(c)) throw new Error(`${cls.class}: its superclasses form a cycle`);
    out.push(c);
  }
  return out;
}

const sortedKeys = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The schema of one SDK class; `queue` receives the SDK classes it refers to (each needs its own schema). */
export function inventorySchema(fqn: string, ctx: SchemaContext, queue: (c: string) => void): Schema {
  const cls = ctx.classes.get(fqn);
  const properties: Record<string, Schema> = {};
  // the subclass's own declaration wins over an inherited field of the same name (Java hides, Gson reads the first)
  for (const c of lineage(cls, ctx.classes))
    for (const field of c.fields)
      if (!(field.name in properties))
        properties[field.name] = fieldSchema(field, listItemClass(c, field.name, ctx), ctx, queue);
  if (cls.extends && ctx.classes.has(cls.extends)) queue(cls.extends);
  const servers = ctx.serverClasses.get(fqn) ?? [];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(cls.simpleName),
    title: cls.simpleName,
    type: 'object',
    'x-sdk-class': fqn,
    ...(cls.extends && ctx.classes.has(cls.extends)
      ? { 'x-sdk-extends': ctx.classes.get(cls.extends).simpleName }
      : {}),
    ...(servers.length ? { 'x-zstack-class': servers[0] } : {}),
    ...(servers.length > 1 ? { 'x-zstack-classes': servers } : {}),
    properties: sortedKeys(properties),
  };
}

/** Every schema the importer writes: the SDK's *Inventory classes, `extra` roots, and all they reference,
 * by simple name (sorted). Two SDK classes of one simple name among them fail: a schema's name is its simple name. */
export function inventorySchemas(ctx: SchemaContext, extra: readonly string[]): Map<string, Schema> {
  const roots = ctx.classes.names().filter((n) => n.endsWith('Inventory') && ctx.classes.get(n).kind === 'class');
  const pending = [...roots, ...extra];
  const done = new Map<string, Schema>();
  const byName = new Map<string, string>();
  while (pending.length) {
    const fqn = pending.shift()!;
    if (done.has(fqn)) continue;
    const simple = ctx.classes.get(fqn).simpleName;
    if (byName.has(simple))
      throw new Error(`two SDK classes named ${simple} need a schema: ${byName.get(simple)}, ${fqn}`);
    byName.set(simple, fqn);
    done.set(
      fqn,
      inventorySchema(fqn, ctx, (c) => pending.push(c)),
    );
  }
  return new Map(
    [...done.values()].map((s) => [s.title as string, s] as [string, Schema]).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
