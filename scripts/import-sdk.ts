// npm run import:sdk -- DIR [options] (see --help): reads the whole official SDK of a zstack checkout (or its sdk/
// folder) with a Java parser, and the server's doc templates beside it, and writes the generated contracts under
// contracts/sdk/ (src/sdk/sdk-import.ts): one descriptor per action, one schema per inventory class, SourceClassMap
// and source.json. Files of APIs or classes the SDK no longer has are removed; an unchanged file is not rewritten.
// Any failure is one line on stderr, exit 2, nothing written.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSdk } from '../src/sdk/sdk-import.ts';
import { findSdkRoot } from '../src/sdk/sdk-tree.ts';
import { commandLine } from './cli/args.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** the generated folders: every file in them is the importer's, so one it did not write now is stale */
const GENERATED_DIRS = ['sdk/apis', 'sdk/schemas'];

const stop = (message: string): never => {
  console.error(`import:sdk: ${message}`);
  process.exit(2);
};

/** The commit of the zstack work tree DIR is the top of (DIR, or its parent when DIR is that tree's sdk/ folder);
 * null otherwise: a folder inside some other repository (this one's fixtures) is not at that repository's commit. */
function gitCommit(dir: string, sdkRoot: string): string | null {
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  const top = git('rev-parse', '--show-toplevel');
  const head = git('rev-parse', 'HEAD');
  if (top.status !== 0 || head.status !== 0) return null;
  const repoRoot = sdkRoot === dir ? dirname(dir) : dir;
  return realpathSync(top.stdout.trim()) === realpathSync(repoRoot) ? head.stdout.trim().toLowerCase() : null;
}

function main(): void {
  const { values, positionals } = commandLine({
    name: 'import:sdk',
    summary: "Reads the whole official SDK (and the server's doc templates) and writes the generated contracts/sdk/.",
    options: {
      commit: {
        type: 'string',
        value: 'SHA',
        help: 'the commit DIR holds (default: git -C DIR rev-parse HEAD when DIR is a git work tree, else null)',
        parse: (text) => {
          if (!/^[0-9a-f]{40}$/i.test(text)) throw new Error('expected a 40-hex commit id');
          return text.toLowerCase();
        },
      },
      out: { type: 'string', value: 'DIR', help: 'the contracts folder to write sdk/ into (default contracts/)' },
    },
    positionals: { name: 'DIR', help: 'a zstack checkout, or its sdk/ folder', min: 1, max: 1 },
    details: ['Any failure is one line on stderr, exit 2, and nothing written.'],
    example: 'npm run import:sdk -- ../zstack --commit 5a29293bd53c98a38488fb8b71d54531012d3dae',
  });
  const started = Date.now();
  const dir = resolve(positionals[0]);
  const out = resolve(values.out ?? join(ROOT, 'contracts'));
  let result: ReturnType<typeof importSdk>;
  try {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) stop(`${positionals[0]} is no directory`);
    const sdkRoot = findSdkRoot(dir);
    result = importSdk(dir, sdkRoot, values.commit ?? gitCommit(dir, sdkRoot));
  } catch (e) {
    return stop((e as Error).message.split('\n')[0]);
  }
  let written = 0;
  let removed = 0;
  for (const [file, content] of result.files) {
    const path = join(out, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written++;
  }
  for (const sub of GENERATED_DIRS) {
    const folder = join(out, sub);
    for (const name of existsSync(folder) ? readdirSync(folder) : [])
      if (!result.files.has(`${sub}/${name}`)) {
        rmSync(join(folder, name));
        removed++;
      }
  }
  const { actions, queries, schemas, docTemplates } = result.counts;
  const split = Object.entries(result.schemaSources)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `import:sdk: ${actions} actions (${queries} queries, ${docTemplates} with a doc template), ${schemas} schemas; ` +
      `inventories schemas: ${split}; ${written} files written, ${removed} removed in ${relative(process.cwd(), out) || '.'} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main();
