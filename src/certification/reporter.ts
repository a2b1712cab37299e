// Playwright reporter that turns a run (or shards merged with `playwright merge-reports`) into a certification
// bundle: it reads each certification test's record (certification.json attachment), status and annotations,
// judges them against the profile (judge.ts), and writes the certificate (text and HTML), the raw per-test
// results, the pacts and their verification, the redacted exchanges of every failure, and the manifest.
// Playwright's own json and junit reporters write results.json and junit.xml into the same folder before it
// (playwright.certify.config.ts lists this reporter last, and onEnd runs reporter by reporter).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { ALL_CHECKS } from '../checks/index.ts';
import { loadConfig, type SuiteConfig } from '../config.ts';
import { sha512Hex } from '../client/zstack-client.ts';
import { loadBaseline } from './baseline.ts';
import { judge, type Certification, type TestEntry } from './judge.ts';
import { loadProfile } from './profile.ts';
import { RECORD_ATTACHMENT, type TestRecord } from '../reporting/test-record.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import { seal } from './bundle.ts';
import { writeFailures, writePacts, type Collected } from './bundle-files.ts';
import { readCertSettings } from './settings.ts';
import { suiteVersion } from '../suite-version.ts';
import { SWEEP_PROJECT } from './area-outcomes.ts';

/** The projects whose tests certify the target (the self-tests do not). */
export const CERTIFICATION_PROJECTS = [
  'target',
  'conformance',
  'properties',
  'protocol',
  'derived',
  'pact-consumer',
  'pact',
  SWEEP_PROJECT,
];

// the escape sequences of terminal colours, which the saved text must not carry
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function attachmentText(a: TestResult['attachments'][number]): string | undefined {
  if (a.body) return a.body.toString('utf8');
  if (a.path && existsSync(a.path)) return readFileSync(a.path, 'utf8');
  return undefined;
}

export function targetLabel(config: SuiteConfig, env: Record<string, string | undefined>): string {
  if (!config.embedded) return config.baseUrl ?? '(none)';
  const faults = env['ZSTACK_REF_FAULTS']?.trim();
  const variant = env['ZSTACK_REF_VARIANT']?.trim();
  return ['embedded reference server', faults ? `fault modes: ${faults}` : '', variant ? `variant: ${variant}` : '']
    .filter(Boolean)
    .join(', ');
}

export default class CertificationReporter implements Reporter {
  private readonly collected = new Map<string, Collected>();
  private readonly dir: string;

  constructor(options: { outputDir?: string } = {}) {
    this.dir =
      options.outputDir ??
      readCertSettings(
        process.env,
        ALL_CHECKS.map((c) => c.name),
      ).dir;
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(): void {
    // a bundle is one run: nothing of an earlier one may stay in it (the json and junit reporters write at the end)
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    if (!CERTIFICATION_PROJECTS.includes(project)) return;
    let record: TestRecord | undefined;
    const texts: Collected['texts'] = [];
    for (const a of result.attachments) {
      const text = attachmentText(a);
      if (text === undefined) continue;
      if (a.name === RECORD_ATTACHMENT) {
        try {
          record = JSON.parse(text) as TestRecord;
        } catch {
          /* a broken record leaves the test judged by its status: an error when it failed */
        }
      } else if (/\.(txt|json)$/.test(a.name)) texts.push({ name: a.name, text });
    }
    const error = result.errors
      .map((e) => (e.message ?? e.value ?? '').replace(ANSI, ''))
      .join('\n')
      .trim();
    const entry: TestEntry = {
      title: test.title,
      project,
      status: result.status,
      annotations: [...test.annotations, ...result.annotations].map((a) => ({
        type: a.type,
        ...(a.description ? { description: a.description } : {}),
      })),
      ...(test.tags.length ? { tags: [...test.tags] } : {}),
      ...(record ? { record } : {}),
      ...(error ? { error: error.split('\n').slice(0, 3).join(' ').slice(0, 600) } : {}),
      ...(texts.some((t) => t.name === 'pact-verification.txt' && /^provider state:/m.test(t.text))
        ? { stateProblem: true }
        : {}),
    };
    if (error) texts.unshift({ name: 'error.txt', text: error });
    this.collected.set(`${project}\u0000${test.titlePath().join('\u0000')}`, { entry, texts });
  }

  async onEnd(_result: FullResult): Promise<{ status: FullResult['status'] }> {
    try {
      const cert = this.write();
      process.stdout.write(`\n${renderText(cert)}Bundle: ${this.dir}\n`);
      return { status: cert.verdict === 'passed' ? 'passed' : 'failed' };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      writeFileSync(join(this.dir, 'certification-error.txt'), `${message}\n`);
      process.stdout.write(`\ncertification: ERROR: ${message}\n`);
      return { status: 'failed' };
    }
  }

  private write(): Certification {
    const config = loadConfig();
    const collected = [...this.collected.values()].sort(
      (a, b) => a.entry.title.localeCompare(b.entry.title) || a.entry.project.localeCompare(b.entry.project),
    );
    const entries = collected.map((c) => c.entry);
    const cert = judgeRun(entries, config);
    const dir = this.dir;
    writeFileSync(join(dir, 'certification.json'), JSON.stringify(cert, null, 2) + '\n');
    writeFileSync(join(dir, 'certificate.txt'), renderText(cert));
    writeFileSync(join(dir, 'certificate.html'), renderHtml(cert));
    writeFileSync(join(dir, 'tests.json'), JSON.stringify(entries, null, 2) + '\n');
    writeFailures(dir, collected, cert);
    writePacts(dir, collected, cert);
    scrubSecrets(dir, config);
    seal(dir);
    return cert;
  }
}

/** Judges the run's entries against the profile, baseline and selection the environment names. */
function judgeRun(entries: TestEntry[], config: SuiteConfig): Certification {
  const settings = readCertSettings(
    process.env,
    ALL_CHECKS.map((c) => c.name),
  );
  const profile = loadProfile(settings.profile);
  const baseline = settings.baseline ? loadBaseline(settings.baseline) : undefined;
  return judge(
    entries,
    profile,
    {
      suiteVersion: suiteVersion(),
      target: targetLabel(config, process.env),
      declaredVersion: config.targetVersion,
      date: new Date().toISOString(),
      selection: settings.selection,
      ...(settings.rules ? { rules: settings.rules } : {}),
      ...(settings.level ? { level: settings.level } : {}),
      ...(settings.areas ? { areas: settings.areas } : {}),
    },
    baseline,
  );
}

/**
 * Last line of defence before sealing: the attachments are redacted in the workers, but a secret must never
 * reach a vendor's bundle, so every file is searched for the password, its hash and any real session id.
 * The pacts' placeholders (a session of zeros, the unknown session of f's) are not secrets.
 */
export function scrubSecrets(dir: string, config: SuiteConfig): void {
  // The plain password never leaves the process (only its SHA-512 is sent); a short plain word such as ZStack's
  // default "password" is also a JSON field name, so it is searched for only when it cannot be one.
  const plain =
    config.password && (config.password.length >= 12 || /[^A-Za-z]/.test(config.password))
      ? config.password
      : undefined;
  const secrets = [plain, config.password ? sha512Hex(config.password) : undefined, config.passwordSha512].filter(
    (s): s is string => !!s && s.length >= 6,
  );
  const session = /(OAuth\s+)(?!0{32}\b|f{32}\b)[0-9a-f]{32}\b/gi;
  const walk = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) {
        walk(p);
        continue;
      }
      const text = readFileSync(p, 'utf8');
      let out = text.replace(session, '$1[REDACTED]');
      for (const s of secrets) out = out.split(s).join('[REDACTED]');
      if (out !== text) writeFileSync(p, out);
    }
  };
  walk(dir);
}
