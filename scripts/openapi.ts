// npm run openapi: writes reports/openapi.json, an OpenAPI 3.1 document of every API of the surface
// (src/openapi/export.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadValidatedContracts } from '../src/contract-model/descriptors.ts';
import { buildOpenApi } from '../src/openapi/export.ts';
import { commandLine } from './cli/args.ts';

commandLine({
  name: 'openapi',
  summary: 'Writes reports/openapi.json, an OpenAPI 3.1 document of every API of the surface.',
  options: {},
  example: 'npm run openapi',
});

const started = performance.now();
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const doc = buildOpenApi(loadValidatedContracts(), pkg.version);
// reports/ of the folder it runs in, like every report of the suite
mkdirSync('reports', { recursive: true });
writeFileSync('reports/openapi.json', JSON.stringify(doc, null, 2) + '\n');
const paths = Object.values(doc['paths'] as Record<string, object>);
const operations = paths.reduce((n, p) => n + Object.keys(p).length, 0);
console.log(
  `wrote reports/openapi.json: ${paths.length} paths, ${operations} operations in ${Math.round(performance.now() - started)} ms`,
);
