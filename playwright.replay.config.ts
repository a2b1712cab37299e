// `npm run replay -- DIR` (scripts/replay.ts): the recorded tests of DIR judged again, no endpoint, no web server,
// no global setup. One project per recorded project, so reports and the certification name them as a live run
// does; reports go to reports/replay/ in the folder the replay was started from.
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { readRecordingHeaders, RecordingError } from './src/recording/read.ts';
import { recordedProjectTag } from './fixtures/replay-body.ts';

const dir = process.env['ZSTACK_REPLAY_DIR'] ?? '';
const out = resolve('reports', 'replay');
let recorded: string[];
try {
  if (dir === '') throw new RecordingError('ZSTACK_REPLAY_DIR is not set');
  recorded = readRecordingHeaders(dir).map((r) => r.header.test.project);
} catch (e) {
  if (!(e instanceof RecordingError)) throw e;
  // started without `npm run replay -- DIR`, or with a folder that is no recording
  console.error(`replay: ${e.message}; start it with: npm run replay -- DIR`);
  process.exit(2);
}
const projects = [...new Set(recorded)].sort();
const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  testDir: 'tests/replay',
  outputDir: join(out, 'test-results'),
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['json', { outputFile: join(out, 'results.json') }],
    ['junit', { outputFile: join(out, 'junit.xml') }],
    ['html', { outputFolder: join(out, 'html'), open: 'never' }],
    ['./playwright/sweep-reporter.ts', { outputFile: join(out, 'sweep.json') }],
  ],
  projects: projects.map((name) => ({ name, grep: new RegExp(`${escaped(recordedProjectTag(name))}(\\s|$)`) })),
});
