// npm run janitor [-- --yes] [--run <id>] [--older-than <30m|2h|1d>]: lists what earlier runs left on the target
// (names starting zc-, and the ledgers in reports/runs/), with their age; --yes deletes them. Uses the same
// settings as a run (.env, ZSTACK_*). Exit 0 when nothing is left (or all was deleted), 1 otherwise, 2 on bad use.
import { ConfigError, loadConfig } from '../src/config.ts';
import { redact } from '../src/reporting/redact.ts';
import { janitor, parseAge, showAge } from '../src/resources/janitor.ts';
import { openSuite } from '../src/suite.ts';
import { commandLine } from './cli/args.ts';

const { values } = commandLine({
  name: 'janitor',
  summary: 'Lists what earlier runs left on the target (names starting zc-, their ledgers), with its age.',
  options: {
    yes: { type: 'boolean', help: 'delete it (projects deleted and expunged); without it, only list' },
    run: {
      type: 'string',
      value: 'ID',
      help: "only that run's leftovers",
      parse: (text) => {
        if (!/^[a-z0-9]{1,16}$/.test(text)) throw new Error('expected a run id (1-16 lower-case letters or digits)');
        return text;
      },
    },
    'older-than': {
      type: 'string',
      value: 'AGE',
      help: 'only leftovers at least that old: 30m, 2h, 1d',
      parse: (text) => {
        const ms = parseAge(text);
        if (ms === undefined) throw new Error('expected an age like 30m, 2h or 1d');
        return ms;
      },
    },
  },
  details: [
    'Settings as for a run (.env, ZSTACK_*). Exit 0 when nothing is left (or all was deleted), 1 otherwise, 2 on bad use.',
  ],
  example: 'npm run janitor -- --yes --run k3x9qa --older-than 2h',
});

const opts = { yes: values.yes, runId: values.run, olderThanMs: values['older-than'] };

function fail(line: string, code: number): never {
  process.stderr.write(`janitor: ${redact(line)}\n`);
  process.exit(code);
}

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(`configuration error: ${e.message}`, 2);
  throw e;
}
if (config.embedded) fail('no target: set ZSTACK_BASE_URL (the embedded server keeps nothing after its run)', 2);
if (config.readOnly && opts.yes) fail('ZSTACK_READ_ONLY=true: --yes would delete; list only, or unset it', 2);
let suite;
try {
  suite = await openSuite(config);
} catch (e) {
  fail(`${config.baseUrl} not usable: ${e instanceof Error ? e.message : String(e)}`, 1);
}
try {
  const r = await janitor(suite.zs, opts);
  for (const l of r.leftovers) {
    process.stdout.write(
      `${l.resource.padEnd(22)} ${l.name}  ${l.uuid ?? '(uuid unknown)'}  ${showAge(l.ageMs)}  run ${l.runId}${l.via === 'ledger' ? '  (from its ledger)' : ''}\n`,
    );
  }
  if (!opts.yes) {
    process.stdout.write(
      r.leftovers.length
        ? `${r.leftovers.length} leftover(s) of earlier runs; npm run janitor -- --yes deletes them\n`
        : 'nothing left by earlier runs\n',
    );
    process.exitCode = r.leftovers.length ? 1 : 0;
  } else {
    process.stdout.write(
      `deleted ${r.deleted} of ${r.leftovers.length} leftover(s)${r.problems.length ? `; problems: ${r.problems.join('; ')}` : ''}\n`,
    );
    process.exitCode = r.problems.length ? 1 : 0;
  }
} catch (e) {
  process.stderr.write(`janitor: ${redact(e instanceof Error ? e.message : String(e))}\n`);
  process.exitCode = 1;
} finally {
  await suite.close();
}
