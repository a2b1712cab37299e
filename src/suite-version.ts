// The suite's own version as reports name it: the package version and, from a git checkout, its commit (a
// modified tree is marked), wherever the run was started from.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const PACKAGE_DIR = new URL('..', import.meta.url);

function gitCommit(): string | undefined {
  const git = (args: string[]): string =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], cwd: PACKAGE_DIR }).trim();
  try {
    const head = git(['rev-parse', '--short', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--untracked-files=no']);
    return `${head}${dirty ? '+modified' : ''}`;
  } catch {
    return undefined;
  }
}

let cached: string | undefined;
/** `0.1.0 (abc1234)`, or the version alone outside a git checkout (an installed package). */
export function suiteVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('package.json', PACKAGE_DIR), 'utf8')) as { version?: string };
    const commit = gitCommit();
    cached = `${pkg.version ?? '0.0.0'}${commit ? ` (${commit})` : ''}`;
  }
  return cached;
}
