// `npm run certify`: the certification projects of playwright.config.ts (not the self-tests), reported into the
// bundle folder (ZSTACK_CERT_DIR, default reports/certification): Playwright's JSON and JUnit, then the
// certification reporter, which judges the run against the profile and seals the bundle. The same config
// merges shards: `playwright merge-reports -c playwright.certify.config.ts <blob folder>` (docs/certification.md).
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';
import { CERTIFICATION_PROJECTS } from './src/certification/reporter.ts';

const bundle = resolve(process.env['ZSTACK_CERT_DIR']?.trim() || 'reports/certification');
// everything that is not the bundle (test artifacts, the pacts as written) goes next to it, not into it
const work = join(dirname(bundle), `${basename(bundle)}-work`);
process.env['ZSTACK_CERT_DIR'] = bundle;
process.env['ZSTACK_PACT_DIR'] ||= join(work, 'pacts');

export default defineConfig({
  ...base,
  outputDir: join(work, 'test-results'),
  projects: (base.projects ?? []).filter((p) => CERTIFICATION_PROJECTS.includes(p.name ?? '')),
  reporter: [
    ['dot'],
    ['json', { outputFile: join(bundle, 'results.json') }],
    ['junit', { outputFile: join(bundle, 'junit.xml') }],
    ['./src/certification/reporter.ts', { outputDir: bundle }],
  ],
});
