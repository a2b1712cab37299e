// Every command package.json runs (each script under scripts/, and the reference server) answers --help with its
// usage and exit 0, and a bogus flag with one line naming it and exit 2, before it does anything else. A new
// script is found through package.json, and a file under scripts/ that nothing runs or imports is named.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, makeSandbox, REPO, runBounded, type BoundedRun, type Sandbox } from '../../fixtures/nested-run.ts';
import { SUBCOMMANDS } from '../../scripts/cli/subcommands.ts';

const CLOSED_PORT = 'http://127.0.0.1:9';
const RUN_LIMIT_MS = 30_000;

/** package.json's commands that run one file: the npm script's name and the file. */
function entryPoints(): Array<{ name: string; file: string }> {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return Object.entries(pkg.scripts).flatMap(([name, command]) => {
    const m = /^node --import tsx (\S+\.ts)$/.exec(command);
    return m ? [{ name, file: m[1] }] : [];
  });
}

/**
 * The command in a copy of the project, its target a closed port: should it ever start its work instead of
 * answering (the very breakage this file looks for), it writes into the copy, reaches no server, and is killed
 * with its children after RUN_LIMIT_MS.
 */
function run(sandbox: Sandbox, file: string, ...args: string[]): Promise<BoundedRun> {
  return runBounded(
    ['--import', 'tsx', file, ...args],
    sandbox.dir,
    cleanEnv(sandbox, { ZSTACK_BASE_URL: CLOSED_PORT }),
    RUN_LIMIT_MS,
  );
}

/** Each of the items through work, two at a time (the machine's cores are shared). */
async function twoAtATime<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

const ENTRY_POINTS = entryPoints();
/**
 * The files the zstack-conformance command also runs: tests/self/cli.spec.ts asks each of them --help and a bogus
 * flag through the command, so here only one of them is asked again in its npm-script form (the same file and
 * the same commandLine, named `npm run <name>` instead): the machine's two cores are the suite's budget.
 */
const THROUGH_THE_COMMAND = new Set(SUBCOMMANDS.map((s) => s.script));
const NPM_FORM_SAMPLE = 'openapi';
const ASKED_HERE = ENTRY_POINTS.filter((e) => !THROUGH_THE_COMMAND.has(e.file) || e.name === NPM_FORM_SAMPLE);

test('every file under scripts/ is run by package.json or imported by a script that is', () => {
  const run = new Set(ENTRY_POINTS.map((e) => e.file));
  const sources = readdirSync(join(REPO, 'scripts'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `scripts/${f}`);
  // the installed command (bin/) counts as a script that is run
  const importers = [...sources, ...readdirSync(join(REPO, 'bin')).map((f) => `bin/${f}`)];
  const imported = (file: string): boolean => {
    const base = file.split('/').at(-1);
    return importers.some((s) => s !== file && readFileSync(join(REPO, s), 'utf8').includes(`/${base}'`));
  };
  expect(sources.filter((f) => !run.has(f) && !imported(f))).toEqual([]);
  expect(ENTRY_POINTS.length).toBeGreaterThanOrEqual(12);
});

test('every command answers --help with its usage and exit 0, and a bogus flag with one line and exit 2', async () => {
  test.setTimeout(240_000);
  const sandbox = makeSandbox();
  let runs;
  try {
    runs = await twoAtATime(ASKED_HERE, async ({ name, file }) => ({
      name,
      help: await run(sandbox, file, '--help'),
      bogus: await run(sandbox, file, '--bogus-flag'),
    }));
  } finally {
    rmSync(sandbox.dir, { recursive: true, force: true });
  }
  expect(runs.map((r) => r.name)).toContain(NPM_FORM_SAMPLE);
  for (const { name, help, bogus } of runs) {
    expect(help.status, `${name} --help: ${help.stderr}`).toBe(0);
    expect(help.stdout.split('\n')[0]).toMatch(new RegExp(`^usage: npm run ${name}\\b`));
    expect(help.stdout, name).toMatch(/^example: .*npm run /m);
    expect(bogus.status, name).toBe(2);
    expect(bogus.stdout, name).toBe('');
    expect(bogus.stderr, name).toBe(`${name}: unknown option --bogus-flag (see --help)\n`);
  }
});
