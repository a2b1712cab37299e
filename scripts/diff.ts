// `npm run diff -- A B` (see --help): what changed between two endpoints, or an endpoint and a recording, or two
// recordings. Endpoints are run here with one seed (a recording's, when a side is one); the two recordings are then
// compared step by step after normalizing what may differ between two conformant endpoints (src/diff/).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareRecordings } from '../src/diff/compare.ts';
import { applyAllowList, readAllowList, type AllowEntry } from '../src/diff/allow-list.ts';
import { consoleLines, diffVerdict } from '../src/diff/render.ts';
import { writeDiffReports } from '../src/diff/write-reports.ts';
import type { RecordedTest } from '../src/recording/recording.ts';
import { commandLine } from './cli/args.ts';
import { recordEndpoint, SideError, sideOf, type Side } from './cli/diff-sides.ts';

const { values, positionals } = commandLine({
  name: 'diff',
  summary: 'Compares two endpoints or recordings step by step and reports what changed.',
  options: {
    grep: { type: 'string', value: 'REGEX', help: "only the tests whose title matches (Playwright's --grep)" },
    'read-only': { type: 'boolean', help: 'run only what cannot change either target (ZSTACK_READ_ONLY=true)' },
    workers: {
      type: 'string',
      value: 'N',
      help: 'worker processes of each run (ZSTACK_WORKERS)',
      parse: (t: string) => {
        if (!/^[1-9]\d*$/.test(t)) throw new Error('expected a whole number of 1 or more');
        return t;
      },
    },
    seed: {
      type: 'string',
      value: 'N',
      help: "the properties' seed for both runs (default: a recording's, else a new one)",
      parse: (t: string) => {
        if (!/^-?\d+$/.test(t) || !Number.isSafeInteger(Number(t))) throw new Error('expected a whole number');
        return Number(t);
      },
    },
    allow: {
      type: 'string',
      value: 'FILE',
      help: 'changes that do not fail the diff: lines of `<API glob> <path glob> <reason>` (ZSTACK_DIFF_ALLOW)',
    },
  },
  positionals: {
    name: 'A B',
    help: 'each a settings file in .env form naming an endpoint (no ZSTACK_BASE_URL: the embedded server), or a recording folder (reports/recordings/<runId>)',
    min: 2,
    max: 2,
  },
  details: [
    'Writes reports/diff/ (diff.json, diff.html) in the current folder and prints one line per change.',
    'Exit: 0 when no change outside the allow list, 1 on such a change, 2 on a bad argument, setting or recording.',
  ],
  example: 'npm run diff -- release.env candidate.env --allow diff-allow.txt',
});

function fail(message: string): never {
  console.error(`diff: ${message}`);
  process.exit(2);
}

let sides: [Side, Side];
try {
  sides = [sideOf(positionals[0]), sideOf(positionals[1])];
} catch (e) {
  if (e instanceof SideError) fail(e.message);
  throw e;
}
const allowFile = values.allow ?? process.env['ZSTACK_DIFF_ALLOW']?.trim();
let allowList: AllowEntry[] = [];
if (allowFile) {
  if (!existsSync(resolve(allowFile))) fail(`allow list ${allowFile}: no such file`);
  try {
    allowList = readAllowList(resolve(allowFile));
  } catch (e) {
    fail(`allow list ${e instanceof Error ? e.message : String(e)}`);
  }
}

const recordedSeed = sides
  .flatMap((s) => (s.kind === 'recording' ? s.tests.map((t) => t.header.run.seed) : []))
  .find((s) => s !== undefined);
const seed = values.seed ?? recordedSeed ?? Math.floor(Math.random() * 2 ** 31);
// Generated names are cut to their parameter's maximum length after the run id (src/generators/slots.ts): a side
// run beside a recording gets a run id as long as the recording's, so both cut their names alike.
const recordedRunId = sides.flatMap((s) => (s.kind === 'recording' ? [s.tests[0]?.header.run.runId ?? ''] : []))[0];
const runIdOfLength = (length: number, label: string): string => {
  const stem = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`.replace(/[^a-z0-9]/g, '');
  return `${stem.slice(-(Math.max(2, length) - 1))}${label}`.slice(-Math.max(2, length));
};

async function recordingOf(side: Side, label: 'a' | 'b'): Promise<RecordedTest[]> {
  if (side.kind === 'recording') return side.tests;
  console.log(`diff: running ${label.toUpperCase()} (${side.arg}) with seed ${seed}`);
  return recordEndpoint(side, {
    seed,
    runId: runIdOfLength(recordedRunId?.length ?? 8, label),
    grep: values.grep,
    readOnly: values['read-only'],
    workers: values.workers,
  });
}

/** A side the diff ran is cut to the tests the other side's recording has: the rest were never asked of it. */
function sameTests(run: RecordedTest[], recorded: Side): RecordedTest[] {
  if (recorded.kind !== 'recording') return run;
  const ids = new Set(recorded.tests.map((t) => t.header.test.id));
  return run.filter((t) => ids.has(t.header.test.id));
}

let a: RecordedTest[];
let b: RecordedTest[];
try {
  // one after the other: two shared servers are each loaded by one run at a time
  a = sameTests(await recordingOf(sides[0], 'a'), sides[1]);
  b = sameTests(await recordingOf(sides[1], 'b'), sides[0]);
} catch (e) {
  if (e instanceof SideError) fail(e.message);
  throw e;
}

const differences = applyAllowList(compareRecordings(a, b), allowList);
const verdict = diffVerdict(differences);
const written = writeDiffReports(resolve('reports', 'diff'), differences, { a: sides[0].arg, b: sides[1].arg });
for (const line of consoleLines(differences)) console.log(line);
console.log(
  `diff: ${verdict.changes} change(s), ${verdict.allowed} allowed, ${verdict.informational} informational, over ${a.length} and ${b.length} test(s); report: ${written.html}`,
);
process.exit(verdict.exitCode);
