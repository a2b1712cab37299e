// npm run sdk:facts -- DIR [options] (see --help): reads the SDK's <Api>Action.java of every API in
// contracts/apis/ from a zstack checkout (or its sdk/ folder) with a Java parser and writes the fact index
// contracts/sdk/actions.json (src/sdk/fact-index.ts). Any failure is one line on stderr, exit 2, nothing written.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFactIndex } from '../src/sdk/fact-index.ts';
import { jsonText } from '../src/sdk/json-text.ts';
import { findSdkRoot } from '../src/sdk/sdk-tree.ts';
import { commandLine } from './cli/args.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const stop = (message: string): never => {
  console.error(`sdk:facts: ${message}`);
  process.exit(2);
};

/** The commit DIR's work tree is at, or a stop asking for --commit. */
function gitCommit(dir: string): string {
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  const inside = git('rev-parse', '--is-inside-work-tree');
  if (inside.status !== 0 || inside.stdout.trim() !== 'true')
    stop(`${dir} is not in a git work tree: say which commit it holds with --commit SHA`);
  const head = git('rev-parse', 'HEAD');
  if (head.status !== 0) stop(`git rev-parse HEAD failed in ${dir}: ${head.stderr.trim().split('\n')[0]}`);
  return head.stdout.trim();
}

function main(): void {
  const { values, positionals } = commandLine({
    name: 'sdk:facts',
    summary: "Reads the SDK's <Api>Action.java of every contract API and writes the fact index.",
    options: {
      commit: {
        type: 'string',
        value: 'SHA',
        help: 'the commit DIR holds (default: git -C DIR rev-parse HEAD, when DIR is in a git work tree)',
        parse: (text) => {
          if (!/^[0-9a-f]{40}$/i.test(text)) throw new Error('expected a 40-hex commit id');
          return text.toLowerCase();
        },
      },
      out: { type: 'string', value: 'FILE', help: 'where to write the index (default contracts/sdk/actions.json)' },
      contracts: {
        type: 'string',
        value: 'DIR',
        help: 'whose apis/*.json name the APIs to index (default contracts/)',
      },
    },
    positionals: { name: 'DIR', help: 'a zstack checkout, or its sdk/ folder', min: 1, max: 1 },
    details: ['Any failure is one line on stderr, exit 2, and nothing written.'],
    example: 'npm run sdk:facts -- ../zstack --commit 5a29293bd53c98a38488fb8b71d54531012d3dae',
  });
  const dir = resolve(positionals[0]);
  const commit = values.commit ?? gitCommit(dir).toLowerCase();
  const out = resolve(values.out ?? join(ROOT, 'contracts', 'sdk', 'actions.json'));
  const apisDir = join(resolve(values.contracts ?? join(ROOT, 'contracts')), 'apis');
  try {
    const apiNames = readdirSync(apisDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
    if (apiNames.length === 0) stop(`${apisDir} has no API descriptors`);
    const index = buildFactIndex(findSdkRoot(dir), apiNames, commit);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, jsonText(index) + '\n');
    const params = Object.values(index.actions).reduce((n, a) => n + Object.keys(a.params).length, 0);
    console.log(
      `wrote ${relative(process.cwd(), out)}: ${apiNames.length} actions, ${params} params, SDK at ${commit}`,
    );
  } catch (e) {
    stop((e as Error).message.split('\n')[0]);
  }
}

main();
