// `npm run import -- PAGE.txt`: a ZStack API doc page (either format, with the site text around it) -> the
// descriptor contracts/apis/<Api>.json, the schemas of the inventories it names, and its examples as
// fixtures/doc-examples/<Api>.json. Nothing is written unless every file is ready and the descriptor is valid.
// Where the SDK's generated descriptor (contracts/sdk/apis/<Api>.json) exists, the page's descriptor is merged over
// it (a fact the page says otherwise is the SDK's, and reported) and the file written is the overlay: only what
// the page says beyond the SDK.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  CONTRACTS_DIR,
  loadContracts,
  mergeOverlay,
  type ApiDescriptor,
  type Contracts,
  type JsonSchema,
} from '../../contracts/index.ts';
import { overlayOf } from './overlay.ts';
import { buildDescriptor, buildSchemas } from './build.ts';
import { checkExamples } from './examples.ts';
import { formatContractJson } from './format-json.ts';
import { readExplorerPage } from './format-explorer.ts';
import { readTablePage } from './format-table.ts';
import { handWrittenDefectTexts, handWrittenFacts, withKept } from './hand-written.ts';
import { OverrideError, readOverride, type OverrideFile } from './overrides.ts';
import type { ParsedPage } from './page-model.ts';
import { DESCRIPTOR_KEYS, ordered } from './rules.ts';
import { detectFormat, pageLines } from './sections.ts';
import { writeAllOrNothing, type PlannedFile } from './write.ts';

export { PageError } from './page-error.ts';
export { OverrideError } from './overrides.ts';

export const DOC_EXAMPLES_DIR = resolve(CONTRACTS_DIR, '../fixtures/doc-examples');

export interface ImportOptions {
  contractsDir?: string;
  docExamplesDir?: string;
  dryRun?: boolean;
}
export interface ImportResult {
  api: ApiDescriptor;
  files: PlannedFile[];
  kept: Array<{ schema: string; missing: string[] }>;
  /** facts of the descriptor already there that the page does not say, kept in its override file (JSON pointers) */
  keptFacts: string[];
  /** what the page changes of the descriptor already there */
  pageChanges: string[];
  /** what the page says otherwise than the SDK: the SDK's fact is kept, one line each */
  sdkWins: string[];
}

/** The SDK's generated descriptor of an API (contracts/sdk/apis/<name>.json), if the contracts have one. */
function generatedDescriptor(contractsDir: string, name: string): ApiDescriptor | undefined {
  const file = join(contractsDir, 'sdk', 'apis', `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ApiDescriptor) : undefined;
}

const handWrittenSchemaNames = (contractsDir: string, extra: readonly string[]): Set<string> => {
  const dir = join(contractsDir, 'schemas');
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.schema.json')) : [];
  return new Set([...names.map((f) => f.replace(/\.schema\.json$/, '')), ...extra]);
};

export function parsePage(file: string, text: string): ParsedPage {
  const lines = pageLines(text);
  return detectFormat(file, lines) === 'table' ? readTablePage(file, lines) : readExplorerPage(file, lines);
}

export function importPage(pageFile: string, opts: ImportOptions = {}): ImportResult {
  const contractsDir = opts.contractsDir ?? CONTRACTS_DIR;
  const examplesDir = opts.docExamplesDir ?? DOC_EXAMPLES_DIR;
  const shown = relative(process.cwd(), pageFile);
  const page = parsePage(shown === '' || shown.startsWith('..') ? pageFile : shown, readFileSync(pageFile, 'utf8'));
  const existing = loadContracts(contractsDir);

  const schemas = buildSchemas(page, contractsDir, existing.schemas);
  const replySchema = schemas[0]?.schema;
  const inventoryFields = Object.keys((replySchema?.['properties'] ?? {}) as object);
  const overrideFile = join(contractsDir, 'overrides', `${page.apiName}.json`);
  const overrideOnDisk = readOverride(contractsDir, `${page.apiName}.json`);
  let override = overrideOnDisk;
  const sdk = generatedDescriptor(contractsDir, page.apiName);
  const sdkWins = new Set<string>();
  const schemaNames = handWrittenSchemaNames(
    contractsDir,
    schemas.filter((s) => s.write).map((s) => s.name),
  );
  // the page's descriptor over the SDK's facts (where the page says otherwise, the SDK's fact stays)
  const overSdk = (built: ApiDescriptor): ApiDescriptor =>
    sdk ? mergeOverlay(sdk, built, `the page ${page.apiName}`, schemaNames, (m) => sdkWins.add(m)) : built;
  let api = overSdk(buildDescriptor(page, override, inventoryFields));
  const old = existing.apis.get(api.name);
  const facts = handWrittenFacts(old, api, override);
  if (facts.entries.length > 0) {
    override = withKept(override, api.name, facts.entries, []);
    api = overSdk(buildDescriptor(page, override, inventoryFields));
  }

  const contracts: Contracts = { ...existing, apis: new Map(existing.apis), schemas: new Map(existing.schemas) };
  contracts.apis.set(api.name, api);
  for (const s of schemas) contracts.schemas.set(s.name, s.schema);
  let { fixture, defects } = checkExamples(page, api, contracts, override?.docDefects);
  const texts = handWrittenDefectTexts(old, defects, override);
  if (texts.length > 0) {
    override = withKept(override, api.name, [], texts);
    ({ fixture, defects } = checkExamples(page, api, contracts, override.docDefects));
  }
  const finalApi = ordered(
    { ...api, ...(defects.length > 0 ? { docDefects: defects } : {}) } as unknown as Record<string, unknown>,
    DESCRIPTOR_KEYS,
  ) as unknown as ApiDescriptor;
  for (const d of override?.docDefects ?? []) {
    if (!defects.some((x) => x.id === d.id))
      console.warn(
        `import: ${api.name}: the override describes doc defect ${d.id}, which this page no longer shows; left out`,
      );
  }
  validateDescriptor(contractsDir, finalApi);

  const written = sdk
    ? ordered(overlayOf(finalApi, sdk) as unknown as Record<string, unknown>, DESCRIPTOR_KEYS)
    : (finalApi as unknown as Record<string, unknown>);
  const files: PlannedFile[] = [
    { path: join(contractsDir, 'apis', `${api.name}.json`), text: formatContractJson(written) },
  ];
  for (const s of schemas.filter((x) => x.write))
    files.push({
      path: join(contractsDir, 'schemas', `${s.name}.schema.json`),
      text: formatContractJson(s.schema as JsonSchema),
    });
  if (fixture)
    files.push({
      path: join(examplesDir, `${api.name}.json`),
      text: formatContractJson(fixture as unknown as Record<string, unknown>),
    });
  if (override !== overrideOnDisk)
    files.push({
      path: overrideFile,
      text: formatContractJson(override as OverrideFile as unknown as Record<string, unknown>),
    });
  if (!opts.dryRun) writeAllOrNothing(files);
  return {
    api: finalApi,
    files,
    kept: schemas.filter((s) => !s.write).map((s) => ({ schema: s.name, missing: s.missing })),
    keptFacts: [...facts.entries.map((e) => e.path), ...texts.map((t) => `docDefects ${t.id}`)],
    pageChanges: facts.pageChanges,
    sdkWins: [...sdkWins],
  };
}

function validateDescriptor(contractsDir: string, api: ApiDescriptor): void {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(contractsDir, 'descriptor.schema.json'), 'utf8')) as object,
  );
  const name = api.name;
  if (!validate(api)) {
    const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new OverrideError(`${name}: the imported descriptor does not match contracts/descriptor.schema.json: ${why}`);
  }
}
