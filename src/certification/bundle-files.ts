// The bundle's files beside the certificate: one file per failing test with its redacted exchanges and reports,
// and the pacts with their verification (attached by the test that checks the pact file, so they survive
// sharding).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACT_FILE_TEST, PACT_VERIFY_TEST } from '../pact/names.ts';
import type { Certification, TestEntry } from './certification.ts';

/** One test as the reporter collected it: its entry and the text attachments worth keeping. */
export interface Collected {
  entry: TestEntry;
  texts: Array<{ name: string; text: string }>;
}

/** failures/NN-<title>.txt for every test that failed, errored, or failed a cell. */
export function writeFailures(dir: string, collected: readonly Collected[], cert: Certification): void {
  const verdictOf = verdictsByTitle(cert);
  let n = 0;
  for (const c of collected) {
    const t = verdictOf.get(c.entry.title);
    const failedCells = c.entry.record?.failures ?? [];
    if (!t || (t.verdict !== 'failed' && t.verdict !== 'error' && failedCells.length === 0)) continue;
    const texts = c.texts.filter((x) => c.entry.title !== PACT_FILE_TEST || !x.name.endsWith('.json'));
    const body = [
      `${c.entry.title}  [${c.entry.project}]`,
      `verdict: ${t.verdict}${t.expected ? ` (expected: ${t.expected.reason})` : ''}${t.reason ? `: ${t.reason}` : ''}`,
      '',
      ...failedCells.flatMap((f) => [
        `✗ ${f.check} [${f.severity}] ${f.api}: ${f.title}`,
        `  Reproduce: ${f.curl}`,
        f.exchange
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
        '',
      ]),
      ...texts.flatMap((x) => [`--- ${x.name}`, x.text, '']),
    ].join('\n');
    mkdirSync(join(dir, 'failures'), { recursive: true });
    writeFileSync(join(dir, 'failures', `${String(++n).padStart(2, '0')}-${slug(c.entry.title)}.txt`), body);
  }
}

/** Each test's outcome by title (the last of a repeated title). */
const verdictsByTitle = (cert: Certification) => new Map(cert.tests.map((t) => [t.title, t]));

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** pacts/*.json and pact-verification.json (the verification's outcome and each pact test's verdict). */
export function writePacts(dir: string, collected: readonly Collected[], cert: Certification): void {
  const pactFiles =
    collected.find((c) => c.entry.title === PACT_FILE_TEST)?.texts.filter((x) => x.name.endsWith('.json')) ?? [];
  if (pactFiles.length) mkdirSync(join(dir, 'pacts'), { recursive: true });
  for (const f of pactFiles) writeFileSync(join(dir, 'pacts', f.name.replace(/[^A-Za-z0-9._-]/g, '_')), f.text);
  const verify = collected.find((c) => c.entry.title === PACT_VERIFY_TEST);
  const pactTests = cert.tests.filter((t) => t.kind === 'pact');
  writeFileSync(
    join(dir, 'pact-verification.json'),
    JSON.stringify(
      {
        verification: verify
          ? {
              status: verify.entry.status,
              verdict: verdictsByTitle(cert).get(PACT_VERIFY_TEST)?.verdict,
              annotations: verify.entry.annotations,
              details: verify.texts,
            }
          : 'not run',
        interactions: pactTests.map((t) => ({ test: t.title, apis: t.apis, verdict: t.verdict })),
      },
      null,
      2,
    ) + '\n',
  );
}
