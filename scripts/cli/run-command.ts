// `zstack-conformance run`: the conformance run, i.e. Playwright with the projects `npm run conformance` always
// ran. Each flag is a ZSTACK_* setting of the same name, set for the child so that it wins over the environment
// and .env (the child's .env never overrides what is already set); --grep and --shard are Playwright's own.
import type { CommandLine, CommandSpec } from './args.ts';

/** The projects of the conformance run (playwright.config.ts); the self-tests are not part of it. */
export const CONFORMANCE_PROJECTS = ['conformance', 'protocol', 'sweep', 'derived', 'properties', 'pact'] as const;

const AREAS = /^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$/;

function positiveCount(text: string): string {
  if (!/^[1-9]\d*$/.test(text)) throw new Error('expected a whole number of 1 or more');
  return text;
}

export const RUN_SPEC = {
  name: 'conformance',
  summary: 'Runs the conformance checks against ZSTACK_BASE_URL, or against the embedded server when it is unset.',
  options: {
    areas: {
      type: 'string',
      value: 'LIST',
      help: 'the API areas the target declares it covers, e.g. iam2,vm (ZSTACK_PROFILE_AREAS)',
      parse: (t: string) => {
        if (!AREAS.test(t)) throw new Error('expected a comma list of lower-case area slugs like iam2,vm');
        return t;
      },
    },
    grep: {
      type: 'string',
      value: 'REGEX',
      multiple: true,
      help: "only the tests whose title matches (Playwright's --grep)",
    },
    'read-only': { type: 'boolean', help: 'run only what cannot change the target (ZSTACK_READ_ONLY=true)' },
    record: {
      type: 'boolean',
      help: 'write every judged exchange to reports/recordings/<runId>/ for replay and diff (ZSTACK_RECORD=true)',
    },
    depth: {
      type: 'string',
      value: 'quick|deep',
      help: 'how many property cases and scenarios to run (ZSTACK_DEPTH)',
      parse: (t: string) => {
        if (t !== 'quick' && t !== 'deep') throw new Error('expected quick or deep');
        return t;
      },
    },
    workers: { type: 'string', value: 'N', help: 'worker processes (ZSTACK_WORKERS)', parse: positiveCount },
    shard: {
      type: 'string',
      value: 'I/N',
      help: "this machine's share of the run (Playwright's --shard)",
      parse: (t: string) => {
        const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(t);
        if (!m || Number(m[1]) > Number(m[2])) throw new Error('expected I/N with 1 <= I <= N, e.g. 1/3');
        return t;
      },
    },
  },
  passThrough: { name: 'ARGS', help: 'to Playwright unchanged, e.g. --reporter=dot' },
  details: ['Reads .env and writes reports/ in the current folder; exit 0 when every required check passed.'],
  example: 'npm run conformance -- --areas iam2 --read-only --workers 2',
} as const satisfies CommandSpec;

export interface RunInvocation {
  /** what follows `playwright test -c <the package's config>` */
  playwright: string[];
  /** the ZSTACK_* settings the flags set */
  env: Record<string, string>;
}

export function runArguments(line: CommandLine<typeof RUN_SPEC.options>): RunInvocation {
  const { values } = line;
  const env: Record<string, string> = {};
  if (values.areas !== undefined) env['ZSTACK_PROFILE_AREAS'] = values.areas;
  if (values['read-only']) env['ZSTACK_READ_ONLY'] = 'true';
  if (values.record) env['ZSTACK_RECORD'] = 'true';
  if (values.depth !== undefined) env['ZSTACK_DEPTH'] = values.depth;
  if (values.workers !== undefined) env['ZSTACK_WORKERS'] = values.workers;
  return {
    playwright: [
      ...CONFORMANCE_PROJECTS.map((p) => `--project=${p}`),
      ...(values.grep.length ? ['--grep', values.grep.join('|')] : []),
      ...(values.shard !== undefined ? [`--shard=${values.shard}`] : []),
      ...line.passThrough,
    ],
    env,
  };
}
