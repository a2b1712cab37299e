// Provider verification (project pact): the pacts written by the pact-consumer project, verified with
// pact-js's Verifier against the target (ZSTACK_BASE_URL, default the embedded reference server). The
// provider states create what each interaction needs through the API and delete it again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { loadConfig } from '../../src/config.ts';
import { PACT_DIR, PACT_VERIFY_TEST } from '../../src/pact/names.ts';
import { verifyPacts } from '../../src/pact/verify.ts';
import { READ_ONLY_SKIP } from '../../src/safety/read-only.ts';

test(PACT_VERIFY_TEST, { tag: ['@pact'] }, async () => {
  const config = loadConfig();
  test.skip(config.readOnly, `${READ_ONLY_SKIP} (the provider states create what each interaction needs)`);
  const files = readdirSync(PACT_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(PACT_DIR, f));
  if (files.length === 0) throw new Error(`no pact files in ${PACT_DIR}: the pact-consumer project writes them`);
  const result = await verifyPacts({ config, pactFiles: files, forRun: true });
  test.info().annotations.push({
    type: 'verification',
    description: `${files.length} pact file(s), ${result.durationMs} ms, ${result.ok ? 'passed' : 'failed'}`,
  });
  const lines = [
    ...result.failures.map((f) => `interaction failed: ${f}`),
    ...result.problems.map((p) => `provider state: ${p}`),
  ];
  if (lines.length)
    await test.info().attach('pact-verification.txt', { body: lines.join('\n'), contentType: 'text/plain' });
  if (!result.ok) {
    const err = new Error(`pact verification against ${config.baseUrl} failed:\n${lines.join('\n') || result.error}`);
    err.stack = err.message;
    throw err;
  }
});
