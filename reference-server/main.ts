// CLI: `tsx reference-server/main.ts`. Env: ZSTACK_REF_PORT (default 0), ZSTACK_REF_FAULTS (comma list),
// ZSTACK_REF_VARIANT (a name from VARIANTS), ZSTACK_REF_ACCOUNT / ZSTACK_REF_PASSWORD (admin / password),
// ZSTACK_REF_JOB_DELAY_MS (`15` or a range `0-15`: how long each job stays pending), ZSTACK_REF_ORGANIZATIONS
// (organizations stored at start),
// ZSTACK_REF_SESSION_LOG (a file that receives every issued session id, for tests that search for leaks).
// Prints exactly one line `Listening on http://127.0.0.1:N` when ready; bad env: one line on stderr, exit 2.
import { parseFaults, VARIANTS, type FaultName, type Variant } from './faults.ts';
import { MAX_SEED_ORGANIZATIONS } from './seed.ts';
import { startReferenceServer } from './server.ts';

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
