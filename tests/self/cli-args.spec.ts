// The scripts' one argument parser (scripts/cli/args.ts): what it makes of a command line, and the one line it
// gives for each thing wrong with one. scripts-cli.spec.ts runs every script with --help and a bogus flag.
import { test, expect } from '@playwright/test';
import { helpText, parseCommandLine, usageLine, UsageError, type CommandSpec } from '../../scripts/cli/args.ts';

const positiveNumber = (text: string): number => {
  const n = Number(text);
  if (!(n > 0)) throw new Error('expected a positive number');
  return n;
};

const SPEC = {
  name: 'demo',
  summary: 'Does what a demo does.',
  options: {
    yes: { type: 'boolean', help: 'really do it' },
    run: { type: 'string', value: 'ID', help: 'only this run' },
    seconds: { type: 'string', value: 'N', default: '3', parse: positiveNumber, help: 'how long' },
    tag: { type: 'string', value: 'TAG', multiple: true, help: 'one kind' },
  },
  positionals: { name: 'PAGE', help: 'a page', min: 1, max: Infinity },
  passThrough: { name: 'ARGS', help: 'for the runner' },
  details: ['Exit: 0 when done.'],
  example: 'npm run demo -- a.txt --yes',
} as const satisfies CommandSpec;

const parse = (...argv: string[]) => parseCommandLine(SPEC, argv);
const problem = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

test('options, their defaults and parsed values, positionals and what follows -- come back typed', () => {
  const line = parse('a.txt', '--yes', '--run', 'k3', '--seconds=1.5', '--tag', 'x', 'b.txt', '--tag=y', '--', '-w');
  expect(line).toEqual({
    values: { yes: true, run: 'k3', seconds: 1.5, tag: ['x', 'y'] },
    positionals: ['a.txt', 'b.txt'],
    passThrough: ['-w'],
  });
  if (line === 'help') throw new Error('not help');
  // the types follow the spec: a parsed number, a list, a flag, a string that may be absent
  const typed: [number, string[], boolean, string | undefined] = [
    line.values.seconds,
    line.values.tag,
    line.values.yes,
    line.values.run,
  ];
  expect(typed).toEqual([1.5, ['x', 'y'], true, 'k3']);
  expect(parse('a.txt')).toEqual({
    values: { yes: false, run: undefined, seconds: 3, tag: [] },
    positionals: ['a.txt'],
    passThrough: [],
  });
  // without passThrough, what follows -- is positional (a page named like an option)
  const plain = { ...SPEC, passThrough: undefined };
  expect(parseCommandLine(plain, ['--', '--odd.txt'])).toMatchObject({ positionals: ['--odd.txt'], passThrough: [] });
});

test('--help and -h ask for help wherever they stand, even beside a bogus option', () => {
  expect(parse('--help')).toBe('help');
  expect(parse('a.txt', '-h')).toBe('help');
  expect(parse('--bogus', '--help')).toBe('help');
});

test('each thing wrong is one message naming the argument', () => {
  expect(problem('a.txt', '--bogus')).toBe('unknown option --bogus');
  expect(problem('a.txt', '-x')).toBe('unknown option -x');
  expect(problem('a.txt', '--run')).toBe('--run needs a value');
  expect(problem('a.txt', '--run', '--yes')).toBe('--run needs a value');
  expect(problem('a.txt', '--seconds', '-1')).toBe('--seconds needs a value');
  expect(problem('a.txt', '--run=')).toBe('--run needs a value');
  expect(problem('a.txt', '--seconds=0')).toBe('--seconds 0: expected a positive number');
  expect(problem('a.txt', '--yes=no')).toBe('--yes takes no value');
  expect(problem()).toBe('missing PAGE');
  const none = { ...SPEC, positionals: undefined };
  expect(() => parseCommandLine(none, ['extra'])).toThrow('unexpected argument extra');
  const one = { ...SPEC, positionals: { name: 'DIR', help: 'a dir', min: 1, max: 1 } };
  expect(() => parseCommandLine(one, ['a', 'b'])).toThrow('unexpected argument b');
  expect(problem('a.txt', '--constructor')).toBe('unknown option --constructor');
});

test('the usage line and the help name every option, the positionals and an example', () => {
  expect(usageLine(SPEC)).toBe(
    'usage: npm run demo -- PAGE... [--yes] [--run ID] [--seconds N] [--tag TAG]... [-- ARGS...]',
  );
  const help = helpText(SPEC).split('\n');
  expect(help[0]).toBe(usageLine(SPEC));
  expect(help[1]).toBe(SPEC.summary);
  expect(help).toContain('  PAGE         a page');
  expect(help).toContain('  --seconds N  how long (default 3)');
  expect(help).toContain('  --tag TAG    one kind (repeatable)');
  expect(help).toContain('  -h, --help   print this help and exit');
  expect(help).toContain('Exit: 0 when done.');
  expect(help).toContain('example: npm run demo -- a.txt --yes');
  expect(usageLine({ name: 'openapi', summary: '', options: {}, example: 'npm run openapi' })).toBe(
    'usage: npm run openapi',
  );
});
