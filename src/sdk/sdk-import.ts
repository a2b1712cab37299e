// The whole SDK as generated contracts (npm run import:sdk): every action with a REST route as a descriptor,
// every inventory class (and what it references) as a schema, SourceClassMap as data, and a provenance record.
// The result is a set of file texts under contracts/; writing them is the script's job.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionFacts, readAction } from './action-facts.ts';
import { type ImportContext, apiDescriptor } from './api-descriptor.ts';
import { type MessageDoc, readDocTemplates } from './doc-templates.ts';
import type { GeneratedDescriptor } from './generated-descriptor.ts';
import { inventorySchemas } from './inventory-schema.ts';
import { jsonText } from './json-text.ts';
import { SDK_PACKAGE, SdkClasses } from './sdk-classes.ts';
import { sourceClassMap } from './source-class-map.ts';

/** Actions without a REST route of their own: the base classes every action extends. */
const BASE_ACTIONS = new Set(['Query', 'Abstract']);
const SOURCE_CLASS_MAP = 'src/main/java/SourceClassMap.java';

export interface ImportResult {
  /** path relative to contracts/ -> file text, for every file under contracts/sdk/{apis,schemas} and the two records */
  files: Map<string, string>;
  counts: { actions: number; queries: number; schemas: number; docTemplates: number };
  schemaSources: Record<string, number>;
}

const text = (value: unknown): string => jsonText(value) + '\n';

/** The SDK's folder in the zstack repository: every SDK path the contracts record starts with it. */
const SDK_PATH = 'sdk/';

/** `repoRoot` is the zstack checkout whose doc templates are read (the SDK folder itself when there is no
 * checkout around it: then no API has a doc template). */
export function importSdk(repoRoot: string, sdkRoot: string, commit: string | null): ImportResult {
  const inRepo = (file: string): string => SDK_PATH + file;
  const classes = new SdkClasses(sdkRoot);
  const classMap = sourceClassMap(readFileSync(join(sdkRoot, SOURCE_CLASS_MAP), 'utf8'), inRepo(SOURCE_CLASS_MAP));
  const docs = readDocTemplates(repoRoot);

  const actions: Array<{ facts: ActionFacts; resultType?: string }> = [];
  for (const fqn of classes.names()) {
    const simple = fqn.slice(fqn.lastIndexOf('.') + 1);
    if (!simple.endsWith('Action') || simple === 'Action' || BASE_ACTIONS.has(simple.slice(0, -'Action'.length)))
      continue;
    const file = classes.fileOf(fqn)!;
    actions.push(readAction(readFileSync(join(sdkRoot, file), 'utf8'), inRepo(file)));
  }
  actions.sort((a, b) => (a.facts.class < b.facts.class ? -1 : 1));

  const serverClasses = new Map<string, string[]>();
  for (const [server, sdk] of Object.entries(classMap))
    serverClasses.set(sdk, [...(serverClasses.get(sdk) ?? []), server].sort());
  // a Result's `inventory` may be an SDK class whose name does not end with Inventory: it needs a schema too
  const replyClasses = actions.flatMap(({ facts, resultType }) => {
    const pkg = facts.class.slice(0, facts.class.lastIndexOf('.'));
    const result = [resultType ?? '', `${pkg}.${resultType}`, `${SDK_PACKAGE}.${resultType}`].find((c) =>
      classes.has(c),
    );
    const inventory = result && classes.get(result).fields.find((f) => f.name === 'inventory');
    return inventory && classes.has(inventory.resolved) && classes.get(inventory.resolved).kind === 'class'
      ? [inventory.resolved]
      : [];
  });
  const schemas = inventorySchemas({ classes, docs, serverClasses, classMap }, replyClasses);

  const docsByUrl = new Map<string, MessageDoc[]>();
  for (const d of docs.messages) for (const url of d.urls) docsByUrl.set(url, [...(docsByUrl.get(url) ?? []), d]);
  const ctx: ImportContext = { classes, docs, classMap, docsByUrl, schemaNames: new Set(schemas.keys()) };

  const files = new Map<string, string>();
  const descriptors: GeneratedDescriptor[] = [];
  for (const { facts, resultType } of actions) {
    const d = apiDescriptor(facts, resultType, ctx);
    if (files.has(`sdk/apis/${d.name}.json`)) throw new Error(`two SDK actions named ${d.name}`);
    descriptors.push(d);
    files.set(`sdk/apis/${d.name}.json`, text(d));
  }
  for (const [name, schema] of schemas) files.set(`sdk/schemas/${name}.schema.json`, text(schema));
  files.set('sdk/source-class-map.json', text(classMap));

  const counts = {
    actions: descriptors.length,
    queries: descriptors.filter((d) => d.kind === 'query').length,
    schemas: schemas.size,
    docTemplates: descriptors.filter((d) => d.sources.some((s) => s.endsWith('Doc_zh_cn.groovy'))).length,
  };
  files.set('sdk/source.json', text({ repository: 'zstackio/zstack', path: SDK_PATH, commit, counts }));
  const schemaSources: Record<string, number> = {};
  for (const d of descriptors)
    if (d.reply.body === 'inventories') {
      const key = d.reply.schemaSource ?? 'none';
      schemaSources[key] = (schemaSources[key] ?? 0) + 1;
    }
  return { files, counts, schemaSources };
}
