// The one command-line parser of every script under scripts/: a script declares its options, positionals and an
// example; `--help` / `-h` prints them and exits 0; an unknown option, a missing value, a bad value or a wrong
// number of arguments is one line (`<script>: unknown option --x (see --help)`) and exit 2.
// node:util parseArgs splits the command line into tokens; the checks are ours, so every message names the
// argument in our words instead of quoting parseArgs' longer ones.
import { parseArgs } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** one line for --help */
  readonly help: string;
  /** a string option's placeholder in the usage line and the help: DIR, SHA, AGE (default VALUE) */
  readonly value?: string;
  /** a string option that may be given again and again: its value is then an array, empty when never given */
  readonly multiple?: boolean;
  /** a string option's text when it is not given: parsed like a given one, and shown in the help */
  readonly default?: string;
  /** the value from its text; throws an Error whose message says what was expected */
  readonly parse?: (text: string) => unknown;
}

export interface PositionalSpec {
  /** the placeholder: DIR, PAGE */
  readonly name: string;
  readonly help: string;
  readonly min: number;
  /** Infinity for any number */
  readonly max: number;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** the npm script's name, which starts every message: `janitor`, `import:sdk` */
  readonly name: string;
  /** what the script does, in one line */
  readonly summary: string;
  readonly options: O;
  /** none when absent: then any positional argument is refused */
  readonly positionals?: PositionalSpec;
  /** what may follow a lone `--`, handed on unchanged (e.g. Playwright's options); when absent, what follows
   * `--` counts as positionals */
  readonly passThrough?: { readonly name: string; readonly help: string };
  /** lines after the options: settings read from the environment, exit codes */
  readonly details?: readonly string[];
  /** one whole command line, e.g. `npm run janitor -- --yes --run k3x9qa` */
  readonly example: string;
}

type Parsed<S extends OptionSpec> = S extends { parse: (text: string) => infer T } ? T : string;

export type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { multiple: true }
    ? Parsed<S>[]
    : S extends { default: string }
      ? Parsed<S>
      : Parsed<S> | undefined;

export interface CommandLine<O extends Record<string, OptionSpec>> {
  values: { [K in keyof O]: OptionValue<O[K]> };
  positionals: string[];
  /** what followed `--`, when the spec declares passThrough */
  passThrough: string[];
}

/** A command line the spec does not allow; the message names the argument and what is wrong with it. */
export class UsageError extends Error {}

const HELP = { type: 'boolean', short: 'h' } as const;

/** The command line as the spec reads it, 'help' when it asks for help, or a UsageError. */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: readonly string[],
): CommandLine<O> | 'help' {
  const { tokens } = parseArgs({
    args: [...argv],
    options: {
      help: HELP,
      ...Object.fromEntries(
        Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]),
      ),
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return 'help';

  const values = valuesWhenNotGiven(spec.options);
  const positionals: string[] = [];
  const passThrough: string[] = [];
  let terminated = false;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') terminated = true;
    else if (t.kind === 'positional') (terminated && spec.passThrough ? passThrough : positionals).push(t.value);
    else {
      const o = Object.hasOwn(spec.options, t.name) ? spec.options[t.name] : undefined;
      if (!o) throw new UsageError(`unknown option ${t.rawName}`);
      if (o.type === 'boolean') {
        if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`);
        values[t.name] = true;
        continue;
      }
      // parseArgs takes the next argument as the value even when it is an option: `--run --yes` lacks the value,
      // and so does `--run=`
      if (!t.value || (!t.inlineValue && t.value.startsWith('-'))) throw new UsageError(`${t.rawName} needs a value`);
      const value = parsedValue(t.rawName, t.value, o);
      values[t.name] = o.multiple ? [...(values[t.name] as unknown[]), value] : value;
    }
  }
  const p = spec.positionals;
  if (positionals.length > (p?.max ?? 0)) throw new UsageError(`unexpected argument ${positionals[p?.max ?? 0]}`);
  if (p && positionals.length < p.min)
    throw new UsageError(p.min === 1 ? `missing ${p.name}` : `expected at least ${p.min} ${p.name}`);
  // values holds exactly one entry per declared option, of the type its spec says: the mapped type is that fact
  return { values: values as CommandLine<O>['values'], positionals, passThrough };
}

/** false for a flag, [] for a repeatable option, the parsed default, or nothing. */
function valuesWhenNotGiven(options: Record<string, OptionSpec>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(options)) {
    if (o.type === 'boolean') values[name] = false;
    else if (o.multiple) values[name] = [];
    else if (o.default !== undefined) values[name] = o.parse ? o.parse(o.default) : o.default;
  }
  return values;
}

function parsedValue(rawName: string, text: string, o: OptionSpec): unknown {
  if (!o.parse) return text;
  try {
    return o.parse(text);
  } catch (e) {
    throw new UsageError(`${rawName} ${text}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function optionSyntax(name: string, o: OptionSpec): string {
  return o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`;
}

function positionalSyntax(p: PositionalSpec): string {
  const one = p.max > 1 ? `${p.name}...` : p.name;
  return p.min > 0 ? one : `[${one}]`;
}

/**
 * How the user called the command when `zstack-conformance <subcommand>` started it (bin/zstack-conformance.mjs
 * sets it for the child): its help and messages then name that command instead of the npm script. Read once and
 * removed, so a script the command starts in turn names itself again.
 */
export const INVOKED_AS_VARIABLE = 'CONFORMANCE_INVOKED_AS';
let invokedAs: string | undefined;
function takeInvokedAs(): void {
  invokedAs ??= process.env[INVOKED_AS_VARIABLE] || undefined;
  delete process.env[INVOKED_AS_VARIABLE];
}

/** `usage: npm run janitor -- [--yes] [--run ID]`: the positionals first, then the options in declared order. */
export function usageLine(spec: CommandSpec): string {
  const parts = [
    ...(spec.positionals ? [positionalSyntax(spec.positionals)] : []),
    ...Object.entries(spec.options).map(([name, o]) => `[${optionSyntax(name, o)}]${o.multiple ? '...' : ''}`),
    ...(spec.passThrough ? [`[-- ${spec.passThrough.name}...]`] : []),
  ];
  if (invokedAs) return `usage: ${invokedAs}${parts.length ? ` ${parts.join(' ')}` : ''}`;
  return `usage: npm run ${spec.name}${parts.length ? ` -- ${parts.join(' ')}` : ''}`;
}

export function helpText(spec: CommandSpec): string {
  const rows: Array<[string, string]> = [
    ...(spec.positionals ? [[spec.positionals.name, spec.positionals.help] as [string, string]] : []),
    ...Object.entries(spec.options).map(([name, o]): [string, string] => [
      optionSyntax(name, o),
      `${o.help}${o.default !== undefined ? ` (default ${o.default})` : ''}${o.multiple ? ' (repeatable)' : ''}`,
    ]),
    ...(spec.passThrough ? [[`-- ${spec.passThrough.name}...`, spec.passThrough.help] as [string, string]] : []),
    ['-h, --help', 'print this help and exit'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    usageLine(spec),
    spec.summary,
    '',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    ...(spec.details?.length ? ['', ...spec.details] : []),
    '',
    `example: ${invokedAs ? spec.example.replace(`npm run ${spec.name} -- `, `${invokedAs} `) : spec.example}`,
    '',
  ].join('\n');
}

/**
 * The script's command line (process.argv by default). `--help` prints the help and exits 0; a UsageError is one
 * line on stderr and exit 2.
 */
export function commandLine<const O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
): CommandLine<O> {
  takeInvokedAs();
  let parsed: CommandLine<O> | 'help';
  try {
    parsed = parseCommandLine(spec, argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${invokedAs ?? spec.name}: ${e.message} (see --help)\n`);
    process.exit(2);
  }
  if (parsed === 'help') {
    process.stdout.write(helpText(spec));
    process.exit(0);
  }
  return parsed;
}
