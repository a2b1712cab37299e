// The subcommands of `zstack-conformance` and the file of the package each one runs (`playwright`: the
// conformance run itself, scripts/cli/run-command.ts). docs/cli.md lists the same ones.
export interface Subcommand {
  readonly name: string;
  /** the package file run with the package's tsx, relative to the package folder */
  readonly script: string;
  readonly summary: string;
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  { name: 'run', script: 'playwright', summary: 'the conformance run against ZSTACK_BASE_URL or the embedded server' },
  { name: 'certify', script: 'scripts/certify.ts', summary: 'a certification run that writes a sealed bundle' },
  { name: 'verify', script: 'scripts/certify-verify.ts', summary: 'checks a certification bundle DIR' },
  { name: 'replay', script: 'scripts/replay.ts', summary: "judges a run's recording DIR again with today's checks" },
  { name: 'diff', script: 'scripts/diff.ts', summary: 'what changed between two endpoints or recordings A and B' },
  { name: 'janitor', script: 'scripts/janitor.ts', summary: 'deletes what interrupted runs left on the target' },
  { name: 'import', script: 'scripts/import.ts', summary: 'turns saved API doc pages into contract descriptors' },
  {
    name: 'import-sdk',
    script: 'scripts/import-sdk.ts',
    summary: 'regenerates the SDK facts from a ZStack checkout DIR',
  },
  { name: 'openapi', script: 'scripts/openapi.ts', summary: 'writes reports/openapi.json for the whole surface' },
  { name: 'pact-states', script: 'scripts/pact-states.ts', summary: "sets up the pacts' provider states on a target" },
  { name: 'pact-publish', script: 'scripts/pact-publish.ts', summary: 'sends reports/pacts to a Pact Broker' },
  { name: 'reference-server', script: 'reference-server/main.ts', summary: 'starts the embedded reference server' },
  { name: 'bench', script: 'scripts/bench.ts', summary: "measures the suite's speed against its target's limits" },
];

export function topLevelHelp(): string {
  const width = Math.max(...SUBCOMMANDS.map((s) => s.name.length)) + 2;
  return [
    'usage: zstack-conformance <subcommand> [options]',
    'Checks that a ZStack-compatible REST endpoint behaves like real ZStack. Reads .env and writes reports/ in the',
    'current folder; ZSTACK_* settings come from the environment, then .env (docs/configuration.md).',
    '',
    ...SUBCOMMANDS.map((s) => `  ${s.name.padEnd(width)}${s.summary}`),
    '',
    'Every subcommand answers --help. A flag wins over the environment, the environment over .env.',
    '',
    'example: zstack-conformance run --areas iam2 --workers 2',
    '',
  ].join('\n');
}
