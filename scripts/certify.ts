// `npm run certify [-- options]`: runs the profile against the configured target and writes the bundle
// (ZSTACK_CERT_DIR, default reports/certification). Its exit code is the verdict: 0 passed, 1 failed, 2 error,
// 3 nothing required was judged. Options narrow the run, and the certificate says how:
//   --api NAME      tests of this API (their @api:NAME tag)      --grep REGEX   Playwright's --grep
//   --tag @TAG      e.g. @conformance, @property, @pact           --project NAME one certification project
//   --rule A,B      only these checks count                      --level required|advisory
// Anything after `--` goes to Playwright as it is (e.g. --shard=1/2 with --reporter=blob).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.ts';
import { ALL_CHECKS } from '../src/checks/index.ts';
import { BaselineError, loadBaseline } from '../src/certification/baseline.ts';
import { assertCovers, loadProfile, ProfileError } from '../src/certification/profile.ts';
import { readCertSettings } from '../src/certification/settings.ts';
import { EXIT_CODES } from '../src/certification/verdict.ts';
import type { Certification } from '../src/certification/judge.ts';

function fail(message: string): never {
  console.error(`certify: ${message}`);
  process.exit(EXIT_CODES.error);
}

const args = process.argv.slice(2);
const passThrough: string[] = [];
const grep: string[] = [];
const projects: string[] = [];
const selection: string[] = [];
const env: Record<string, string> = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = (): string => {
    const v = args[++i];
    if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
    return v;
  };
  if (a === '--') {
    passThrough.push(...args.slice(i + 1));
    break;
  } else if (a === '--api') {
    const v = value();
    grep.push(`@api:${v}\\b`);
    selection.push(`api: ${v}`);
  } else if (a === '--tag') {
    const v = value();
    grep.push(v.startsWith('@') ? v : `@${v}`);
    selection.push(`tag: ${v}`);
  } else if (a === '--grep') {
    const v = value();
    grep.push(v);
    selection.push(`grep: ${v}`);
  } else if (a === '--project') {
    const v = value();
    projects.push(v);
    selection.push(`project: ${v}`);
  } else if (a === '--rule') env['ZSTACK_CERT_RULES'] = value();
  else if (a === '--level') env['ZSTACK_CERT_LEVEL'] = value();
  else fail(`unknown option ${a} (see scripts/certify.ts; Playwright options go after --)`);
}

let dir: string;
try {
  const config = loadConfig();
  const settings = readCertSettings(
    { ...process.env, ...env },
    ALL_CHECKS.map((c) => c.name),
  );
  const profile = loadProfile(settings.profile);
  assertCovers(profile, config.targetVersion);
  if (settings.baseline) loadBaseline(settings.baseline);
  dir = settings.dir;
} catch (e) {
  if (e instanceof ConfigError || e instanceof ProfileError || e instanceof BaselineError) fail(e.message);
  throw e;
}

const started = Date.now();
const pw = [
  fileURLToPath(import.meta.resolve('@playwright/test/cli')),
  'test',
  '-c',
  'playwright.certify.config.ts',
  ...projects.flatMap((p) => ['--project', p]),
  ...(grep.length ? ['--grep', grep.join('|')] : []),
  ...passThrough,
];
const run = spawnSync(process.execPath, pw, {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...env,
    PACT_DO_NOT_TRACK: 'true',
    ZSTACK_CERT_DIR: dir,
    ZSTACK_CERT_SELECTION: JSON.stringify([...selection, ...passThrough]),
  },
});
if (run.error) fail(`could not start Playwright: ${run.error.message}`);

const file = join(dir, 'certification.json');
if (!existsSync(file)) {
  const why = existsSync(join(dir, 'certification-error.txt'))
    ? readFileSync(join(dir, 'certification-error.txt'), 'utf8').trim()
    : `Playwright ended with ${run.status ?? run.signal} and wrote no certification`;
  fail(why);
}
const cert = JSON.parse(readFileSync(file, 'utf8')) as Certification;
console.log(
  `certify: ${cert.verdict} in ${((Date.now() - started) / 1000).toFixed(1)} s; bundle ${dir} (check it with: npm run certify:verify -- ${dir})`,
);
process.exit(cert.exitCode);
