// Runs the package's Playwright with one of its configs in a child process, in the user's folder, and resolves to
// its exit code. A CI job's timeout sends SIGTERM to this process only: it is handed on, so the run's teardown still
// cleans up (docs/safety.md); Ctrl-C reaches the child through the terminal's process group.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const PLAYWRIGHT_CLI = fileURLToPath(import.meta.resolve('@playwright/test/cli'));

export function runPlaywright(
  config: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean } = {},
): Promise<number> {
  const child = spawn(process.execPath, [PLAYWRIGHT_CLI, 'test', '-c', `${PACKAGE_DIR}${config}`, ...args], {
    stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env,
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
      process.stderr.write(`could not start Playwright: ${e.message}\n`);
      done(1);
    });
    child.on('exit', (status, signal) => done(status ?? (signal ? 130 : 1)));
  });
}
