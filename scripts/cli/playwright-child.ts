// Runs a part of the package (a script, or Playwright with one of its configs) in a child process, in the user's
// folder unless told otherwise, and resolves to its exit code. A CI job's timeout sends SIGTERM to this process
// only: it is handed on, so the run's teardown still cleans up (docs/safety.md); Ctrl-C reaches the child through
// the terminal's process group, and this process just waits for it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const PLAYWRIGHT_CLI = fileURLToPath(import.meta.resolve('@playwright/test/cli'));

export interface ChildOptions {
  /** what the child is, for the one line when it cannot start */
  what?: string;
  cwd?: string;
  /** its output not shown (its errors still are) */
  quiet?: boolean;
}

/** `node ARGS` as a child; its exit code (130 when a signal ended it). */
export function runNode(args: readonly string[], env: NodeJS.ProcessEnv, opts: ChildOptions = {}): Promise<number> {
  const child = spawn(process.execPath, args, {
    stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  const onTerm = (): void => {
    child.kill('SIGTERM');
  };
  const onInt = (): void => undefined;
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      resolve(code);
    };
    child.on('error', (e) => {
      process.stderr.write(`zstack-conformance: could not start ${opts.what ?? 'Playwright'}: ${e.message}\n`);
      done(1);
    });
    child.on('exit', (status, signal) => done(status ?? (signal ? 130 : 1)));
  });
}

/** `playwright test -c <the package's config> ARGS` with the package's own Playwright. */
export const playwrightArgs = (config: string, args: readonly string[]): string[] => [
  PLAYWRIGHT_CLI,
  'test',
  '-c',
  `${PACKAGE_DIR}${config}`,
  ...args,
];

export const runPlaywright = (
  config: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  opts: ChildOptions = {},
): Promise<number> => runNode(playwrightArgs(config, args), env, opts);

/**
 * This process's environment without any ZSTACK_* variable, and `settings`: for a run that must read its settings
 * from its own file or these alone (a diff's side, a bench run), never from the shell that started it.
 */
export function withOnlySettings(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ZSTACK_')) env[k] = v;
  return { ...env, ...settings };
}
