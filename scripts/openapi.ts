// npm run openapi: writes reports/openapi.json, an OpenAPI 3.1 document of every contract (src/openapi/export.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadValidatedContracts } from '../src/contract-model/descriptors.ts';
import { buildOpenApi } from '../src/openapi/export.ts';
import { commandLine } from './cli/args.ts';

commandLine({
  name: 'openapi',
  summary: 'Writes reports/openapi.json, an OpenAPI 3.1 document of every contract.',
  options: {},
  example: 'npm run openapi',
});

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const doc = buildOpenApi(loadValidatedContracts(), pkg.version);
mkdirSync(new URL('../reports/', import.meta.url), { recursive: true });
writeFileSync(new URL('../reports/openapi.json', import.meta.url), JSON.stringify(doc, null, 2) + '\n');
console.log(`wrote reports/openapi.json: ${Object.keys(doc['paths'] as object).length} paths`);
