// CLI: `npm run reference-server` (node --import tsx reference-server/main.ts). No options: its settings are the
// environment's (USAGE). Prints exactly one line `Listening on http://127.0.0.1:N` when ready; bad env, or any
// argument but --help / -h: one line on stderr, exit 2. (It may not import scripts/: its own handling, below.)
import { parseFaults, VARIANTS, type FaultName, type Variant } from './faults.ts';
import { MAX_SEED_ORGANIZATIONS } from './seed.ts';
import { startReferenceServer } from './server.ts';

const USAGE = `usage: npm run reference-server   (no options; settings from the environment)
  ZSTACK_REF_PORT                          port on 127.0.0.1 (default 0: a free one)
  ZSTACK_REF_FAULTS                        fault modes, a comma list (docs/reference-server.md)
  ZSTACK_REF_VARIANT                       a conformant variant (docs/reference-server.md)
  ZSTACK_REF_ACCOUNT, ZSTACK_REF_PASSWORD  the admin account (default admin / password)
  ZSTACK_REF_JOB_DELAY_MS                  how long each job stays pending: 15, or a random range 0-15
  ZSTACK_REF_ORGANIZATIONS                 organizations stored at start
  ZSTACK_REF_SESSION_LOG                   a file that receives every session id issued (for leak searches)

example: ZSTACK_REF_PORT=8080 npm run reference-server
`;

function fail(message: string): never {
  process.stderr.write(`reference-server: ${message}\n`);
  process.exit(2);
}

/** `15` or `0-15` (ms): the jobs' fixed or random delay. */
function jobDelay(text: string): Partial<Variant> {
  const m = /^(\d{1,7})(?:-(\d{1,7}))?$/.exec(text);
  if (!m || (m[2] !== undefined && Number(m[2]) < Number(m[1])))
    fail(`ZSTACK_REF_JOB_DELAY_MS must be a delay in ms like 15 or a range like 0-15, got "${text}"`);
  return { jobDelayMs: Number(m[1]), ...(m[2] !== undefined ? { jobDelayMaxMs: Number(m[2]) } : {}) };
}

function config(): {
  port: number;
  faults: FaultName[];
  variant: Partial<Variant>;
  accountName: string;
  password: string;
  seedOrganizations: number;
  sessionLog?: string;
} {
  const env = process.env;
  const portText = (env.ZSTACK_REF_PORT ?? '').trim();
  const port = portText === '' ? 0 : Number(portText);
  if (!/^\d+$/.test(portText || '0') || !Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`ZSTACK_REF_PORT must be an integer 0-65535, got "${portText}"`);
  }
  let faults: FaultName[];
  try {
    faults = parseFaults(env.ZSTACK_REF_FAULTS);
  } catch (e) {
    fail(`ZSTACK_REF_FAULTS: ${e instanceof Error ? e.message : String(e)}`);
  }
  const variantName = (env.ZSTACK_REF_VARIANT ?? '').trim();
  if (variantName !== '' && !Object.hasOwn(VARIANTS, variantName)) {
    fail(`unknown ZSTACK_REF_VARIANT "${variantName}"; known: ${Object.keys(VARIANTS).join(', ')}`);
  }
  const accountName = env.ZSTACK_REF_ACCOUNT || 'admin';
  const password = env.ZSTACK_REF_PASSWORD || 'password';
  const delayText = (env.ZSTACK_REF_JOB_DELAY_MS ?? '').trim();
  const orgText = (env.ZSTACK_REF_ORGANIZATIONS ?? '').trim();
  if (!/^\d{0,7}$/.test(orgText) || Number(orgText) > MAX_SEED_ORGANIZATIONS)
    fail(`ZSTACK_REF_ORGANIZATIONS must be a count from 0 to ${MAX_SEED_ORGANIZATIONS}, got "${orgText}"`);
  const variant = { ...(variantName ? VARIANTS[variantName] : {}), ...(delayText ? jobDelay(delayText) : {}) };
  const sessionLog = (env.ZSTACK_REF_SESSION_LOG ?? '').trim();
  return {
    port,
    faults,
    variant,
    accountName,
    password,
    seedOrganizations: Number(orgText || '0'),
    ...(sessionLog ? { sessionLog } : {}),
  };
}

/** --help prints USAGE; any other argument is refused (a flag that does nothing would mislead). */
function refuseArguments(args: string[]): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (args.length > 0)
    fail(`${args[0].startsWith('-') ? 'unknown option' : 'unexpected argument'} ${args[0]} (see --help)`);
}

refuseArguments(process.argv.slice(2));
const cfg = config();
try {
  const server = await startReferenceServer({ host: '127.0.0.1', ...cfg });
  process.stdout.write(`Listening on ${server.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`reference-server: cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
