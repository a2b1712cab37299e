// npm run import (options: --help): imports ZStack API doc pages into contracts/ (see docs/importing.md). A page
// it cannot read gives one line naming the line and what was expected there, and nothing is written.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACTS_DIR } from '../contracts/index.ts';
import { importPage, OverrideError, PageError } from '../src/importer/index.ts';
import { commandLine } from './cli/args.ts';

const { values, positionals: pages } = commandLine({
  name: 'import',
  summary: 'Imports ZStack API doc pages into contracts/ (docs/importing.md); nothing is written unless all is ready.',
  options: {
    contracts: { type: 'string', value: 'DIR', help: 'write the descriptors and schemas there (default contracts/)' },
    'doc-examples': {
      type: 'string',
      value: 'DIR',
      help: "write the pages' examples there (default fixtures/doc-examples/)",
    },
    'dry-run': { type: 'boolean', help: 'only list what would be written' },
  },
  positionals: { name: 'PAGE', help: 'a doc page saved as text (either page format)', min: 1, max: Infinity },
  example: 'npm run import -- fixtures/doc-pages/ChangeIAM2ProjectState.zh-doc.txt --dry-run',
});
const contractsDir = values.contracts;
const docExamplesDir = values['doc-examples'];
const dryRun = values['dry-run'];
let failed = false;
let imported = 0;
const withoutSdkFacts: string[] = [];
for (const page of pages) {
  try {
    const r = importPage(page, {
      ...(contractsDir ? { contractsDir } : {}),
      ...(docExamplesDir ? { docExamplesDir } : {}),
      dryRun,
    });
    for (const f of r.files) console.log(`${dryRun ? 'would write' : 'wrote'} ${relative(process.cwd(), f.path)}`);
    imported++;
    if (!contractsDir && !dryRun && !existsSync(join(CONTRACTS_DIR, 'sdk', 'apis', `${r.api.name}.json`)))
      withoutSdkFacts.push(r.api.name);
    for (const f of r.keptFacts)
      console.log(
        `kept ${f} of the descriptor that was there (the page does not say it): see contracts/overrides/${r.api.name}.json`,
      );
    for (const c of r.pageChanges) console.log(`the page changes ${c}`);
    for (const w of r.sdkWins) console.log(`kept the SDK's fact: ${w}`);
    for (const k of r.kept)
      console.log(
        `kept contracts/schemas/${k.schema}.schema.json (hand-written, no override file)${k.missing.length ? `; the page also documents ${k.missing.join(', ')}` : ''}`,
      );
  } catch (e) {
    failed = true;
    const known = e instanceof PageError || e instanceof OverrideError;
    const message = e instanceof Error ? e.message : String(e);
    console.error(`import: ${known ? message : `${page}: ${message.split('\n')[0]}`}`);
  }
}
// what is generated from every descriptor (the tables of recorded doc defects, ..., and the certification
// profiles) is refreshed, as `npm run conformance:list` and `npm run profile:write` do, so `npm test` stays green
if (imported > 0 && !dryRun && !contractsDir) {
  for (const script of ['./conformance-list.ts', './profile.ts']) {
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
      stdio: 'inherit',
    });
  }
}
// the SDK's facts cannot come from a page: say which file and command (tests/self/provenance.spec.ts fails until
// then, and then names every parameter where the page and the SDK disagree)
if (withoutSdkFacts.length > 0) {
  console.log(
    `contracts/sdk/apis/ has no generated descriptor of ${withoutSdkFacts.join(', ')}: run \`npm run import:sdk -- <zstackio/zstack checkout>\` and commit it (docs/contracts.md)`,
  );
}
process.exit(failed ? 1 : 0);
