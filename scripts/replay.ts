// `npm run replay -- DIR` (see --help): judges the recording of a run (ZSTACK_RECORD=true) again with today's checks,
// with no endpoint, and reports it as a live run does (console, reports/replay/: JSON, JUnit, HTML).
import { resolve } from 'node:path';
import { checkNamed } from '../src/checks/index.ts';
import { readRecordingHeaders, RecordingError } from '../src/recording/read.ts';
import { commandLine } from './cli/args.ts';
import { runPlaywright } from './cli/playwright-child.ts';

const { values, positionals, passThrough } = commandLine({
  name: 'replay',
  summary: "Judges a run's recording again with today's checks, without any endpoint.",
  options: {
    checks: {
      type: 'string',
      value: 'LIST',
      help: 'checks to run on every recorded step besides those it was judged with, e.g. a new one',
      parse: (t: string) => {
        const names = t.split(',').map((n) => n.trim());
        for (const n of names) checkNamed(n);
        return names.join(',');
      },
    },
    grep: { type: 'string', value: 'REGEX', help: "only the recorded tests whose title matches (Playwright's --grep)" },
  },
  positionals: {
    name: 'DIR',
    help: 'a recording: reports/recordings/<runId> of a run with ZSTACK_RECORD=true',
    min: 1,
    max: 1,
  },
  passThrough: { name: 'ARGS', help: 'to Playwright unchanged, e.g. --reporter=dot' },
  details: [
    'Writes reports/replay/ (results.json, junit.xml, html/) in the current folder.',
    'Exit: 0 when every replayed test passed, 1 when one failed, 2 on a bad argument or recording.',
  ],
  example: 'npm run replay -- reports/recordings/k3x9qa --checks timestampsParseableBySdk',
});

const dir = resolve(positionals[0]);
try {
  readRecordingHeaders(dir);
} catch (e) {
  if (!(e instanceof RecordingError)) throw e;
  console.error(`replay: ${e.message}`);
  process.exit(2);
}
const env = { ...process.env, ZSTACK_REPLAY_DIR: dir, ZSTACK_REPLAY_CHECKS: values.checks ?? '' };
const args = [...(values.grep !== undefined ? ['--grep', values.grep] : []), ...passThrough];
process.exit(await runPlaywright('playwright.replay.config.ts', args, env));
