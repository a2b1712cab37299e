// `npm run certify [-- options]` (see --help): runs the profile against the configured target and writes the
// bundle (ZSTACK_CERT_DIR, default reports/certification). Its exit code is the verdict: 0 passed, 1 failed,
// 2 error, 3 nothing required was judged. Options narrow the run, and the certificate says how; anything after
// `--` goes to Playwright as it is.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { ALL_CHECKS } from '../src/checks/index.ts';
import { BaselineError, loadBaseline } from '../src/certification/baseline.ts';
import { assertCovers, loadProfile, ProfileError } from '../src/certification/profile.ts';
import { readCertSettings } from '../src/certification/settings.ts';
import { AreaError, judgeAreas } from '../src/certification/area-outcomes.ts';
import { EXIT_CODES } from '../src/certification/verdict.ts';
import type { Certification } from '../src/certification/judge.ts';
import { commandLine } from './cli/args.ts';
import { runPlaywright } from './cli/playwright-child.ts';

function fail(message: string): never {
  console.error(`certify: ${message}`);
  process.exit(EXIT_CODES.error);
}

const { values, passThrough } = commandLine({
  name: 'certify',
  summary: 'Runs the certification profile against the configured target and writes the sealed bundle.',
  options: {
    api: { type: 'string', value: 'NAME', multiple: true, help: 'the tests of this API (their @api:NAME tag)' },
    tag: { type: 'string', value: 'TAG', multiple: true, help: 'one kind of test: @conformance, @property, @pact' },
    grep: { type: 'string', value: 'REGEX', multiple: true, help: "Playwright's --grep" },
    project: { type: 'string', value: 'NAME', multiple: true, help: 'one certification project' },
    rule: { type: 'string', value: 'A,B', help: 'only these checks count (ZSTACK_CERT_RULES)' },
    level: { type: 'string', value: 'LEVEL', help: 'only this level counts: required or advisory (ZSTACK_CERT_LEVEL)' },
    areas: {
      type: 'string',
      value: 'A,B',
      help: "certify these areas' query surface: a query not served fails (ZSTACK_PROFILE_AREAS)",
    },
  },
  passThrough: { name: 'ARGS', help: 'to Playwright unchanged (--workers=1, --shard=1/2 with --reporter=blob)' },
  details: [
    'The bundle goes to ZSTACK_CERT_DIR (default reports/certification); the certificate says how the run was narrowed.',
    'Exit: 0 passed, 1 failed, 2 error, 3 nothing required was judged (docs/certification.md).',
  ],
  example: 'npm run certify -- --api UpdateIAM2TicketFlowCollection --level required -- --workers=1',
});
// each narrowing: its part of Playwright's --grep and how the certificate's selection line says it
const narrowing = [
  ...values.api.map((v) => ({ grep: `@api:${v}\\b`, said: `api: ${v}` })),
  ...values.tag.map((v) => ({ grep: v.startsWith('@') ? v : `@${v}`, said: `tag: ${v}` })),
  ...values.grep.map((v) => ({ grep: v, said: `grep: ${v}` })),
];
const grep = narrowing.map((n) => n.grep);
const projects = values.project;
const selection = [...narrowing.map((n) => n.said), ...projects.map((p) => `project: ${p}`)];
const env: Record<string, string> = {
  ...(values.rule !== undefined ? { ZSTACK_CERT_RULES: values.rule } : {}),
  ...(values.level !== undefined ? { ZSTACK_CERT_LEVEL: values.level } : {}),
  ...(values.areas !== undefined ? { ZSTACK_PROFILE_AREAS: values.areas } : {}),
};

let dir: string;
try {
  const config = loadConfig();
  const settings = readCertSettings(
    { ...process.env, ...env },
    ALL_CHECKS.map((c) => c.name),
  );
  const profile = loadProfile(settings.profile);
  assertCovers(profile, config.targetVersion);
  judgeAreas([], profile, settings.areas);
  if (settings.baseline) loadBaseline(settings.baseline);
  dir = settings.dir;
} catch (e) {
  if (e instanceof ConfigError || e instanceof ProfileError || e instanceof BaselineError || e instanceof AreaError)
    fail(e.message);
  throw e;
}

const started = Date.now();
// as a child that gets this process's SIGTERM, so an interrupted certification still cleans up (docs/safety.md)
const status = await runPlaywright(
  'playwright.certify.config.ts',
  [...projects.flatMap((p) => ['--project', p]), ...(grep.length ? ['--grep', grep.join('|')] : []), ...passThrough],
  {
    ...process.env,
    ...env,
    PACT_DO_NOT_TRACK: 'true',
    ZSTACK_CERT_DIR: dir,
    ZSTACK_CERT_SELECTION: JSON.stringify([...selection, ...passThrough]),
  },
);

const file = join(dir, 'certification.json');
if (!existsSync(file)) {
  const why = existsSync(join(dir, 'certification-error.txt'))
    ? readFileSync(join(dir, 'certification-error.txt'), 'utf8').trim()
    : `Playwright ended with ${status} and wrote no certification`;
  fail(why);
}
const cert = JSON.parse(readFileSync(file, 'utf8')) as Certification;
console.log(
  `certify: ${cert.verdict} in ${((Date.now() - started) / 1000).toFixed(1)} s; bundle ${dir} (check it with: zstack-conformance verify ${dir}, or npm run certify:verify -- ${dir} in a clone)`,
);
process.exit(cert.exitCode);
