// How many Playwright worker processes a run has. The load bound (ZSTACK_MAX_IN_FLIGHT, ZSTACK_MAX_RPS) is
// split among them, so each worker must know the count: Playwright's own --workers/-j wins when given, then
// ZSTACK_WORKERS, then the default. The tests wait on the target far more than they compute (jobs, round
// trips), so the default is above the 2 cores of a small CI machine: 4 workers halve a run against a target
// with slow jobs and cost about 4 s on the embedded server (docs/performance.md).
import { availableParallelism } from 'node:os';
import { ConfigError } from './config.ts';

export const DEFAULT_WORKERS = 4;
const MAX_WORKERS = 64;

type Env = Record<string, string | undefined>;

/** A worker count as Playwright reads it: a whole number, or a percentage of the machine's cores. */
function parseCount(text: string, name: string): number {
  const v = text.trim();
  const pct = /^(\d+)%$/.exec(v);
  const n = pct ? Math.floor((availableParallelism() * Number(pct[1])) / 100) : /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new ConfigError(
      name,
      `expected a whole number from 1 to ${MAX_WORKERS} or a percentage of the cores, got "${text}"`,
    );
  return n;
}

/** --workers=N, --workers N, -j N or -jN on Playwright's command line, if present. */
function fromCommandLine(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = /^(?:--workers|-j)=(.*)$/.exec(a);
    if (eq) return eq[1];
    if (a === '--workers' || a === '-j') return argv[i + 1];
    const short = /^-j(\d+%?)$/.exec(a);
    if (short) return short[1];
  }
  return undefined;
}

/** The workers the config asks for (ZSTACK_WORKERS or the default). */
export function configuredWorkers(env: Env): number {
  const v = env['ZSTACK_WORKERS'];
  return v === undefined || v.trim() === '' ? DEFAULT_WORKERS : parseCount(v, 'ZSTACK_WORKERS');
}

/** The workers the run will have: the command line's, else the configured ones. */
export function runWorkers(env: Env, argv: readonly string[]): number {
  const cli = fromCommandLine(argv);
  return cli === undefined ? configuredWorkers(env) : parseCount(cli, '--workers');
}
