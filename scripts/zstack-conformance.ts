// `zstack-conformance <subcommand>`: one command for every job the npm scripts do. Each subcommand runs the
// package's own script (or Playwright, for `run`) in a child process whose working folder is the user's, so
// `.env` is read and `reports/` written there while the contracts, tests and configs come from the package.
import { commandLine, INVOKED_AS_VARIABLE } from './cli/args.ts';
import { PACKAGE_DIR, playwrightArgs, runNode } from './cli/playwright-child.ts';
import { runArguments, RUN_SPEC } from './cli/run-command.ts';
import { SUBCOMMANDS, topLevelHelp } from './cli/subcommands.ts';

const TSX = import.meta.resolve('tsx');

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(topLevelHelp());
  process.exit(name === undefined ? 2 : 0);
}
const sub = SUBCOMMANDS.find((s) => s.name === name);
if (!sub) {
  process.stderr.write(`zstack-conformance: unknown subcommand ${name} (see --help)\n`);
  process.exit(2);
}

const invokedAs = `zstack-conformance ${sub.name}`;
let command: string[];
let env: NodeJS.ProcessEnv = { ...process.env, [INVOKED_AS_VARIABLE]: invokedAs };
if (sub.script === 'playwright') {
  process.env[INVOKED_AS_VARIABLE] = invokedAs;
  const run = runArguments(commandLine(RUN_SPEC, args));
  command = playwrightArgs('playwright.config.ts', run.playwright);
  env = { ...process.env, ...run.env };
} else {
  command = ['--import', TSX, `${PACKAGE_DIR}${sub.script}`, ...args];
}
process.exit(await runNode(command, env, { what: sub.name }));
