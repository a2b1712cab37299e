// `zstack-conformance <subcommand>`: one command for every job the npm scripts do. Each subcommand runs the
// package's own script (or Playwright, for `run`) in a child process whose working folder is the user's, so
// `.env` is read and `reports/` written there while the contracts, tests and configs come from the package.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandLine, INVOKED_AS_VARIABLE } from './cli/args.ts';
import { runArguments, RUN_SPEC } from './cli/run-command.ts';
import { SUBCOMMANDS, topLevelHelp } from './cli/subcommands.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');
const PLAYWRIGHT_CLI = fileURLToPath(import.meta.resolve('@playwright/test/cli'));

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
  command = [PLAYWRIGHT_CLI, 'test', '-c', `${PACKAGE_DIR}playwright.config.ts`, ...run.playwright];
  env = { ...process.env, ...run.env };
} else {
  command = ['--import', TSX, `${PACKAGE_DIR}${sub.script}`, ...args];
}
const child = spawn(process.execPath, command, { stdio: 'inherit', env });
// A CI job's timeout sends SIGTERM to this process only: hand it on, so the run's teardown still cleans up
// (docs/safety.md). Ctrl-C reaches the child through the terminal's process group; this one just waits for it.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => undefined);
child.on('error', (e) => {
  process.stderr.write(`zstack-conformance: could not start ${sub.name}: ${e.message}\n`);
  process.exit(1);
});
child.on('exit', (status, signal) => process.exit(status ?? (signal ? 128 + 2 : 1)));
