// Runs one property with fast-check (fc.check, so the report is ours): number of runs and seed from the
// configuration (ZSTACK_NUM_RUNS, ZSTACK_SEED, ZSTACK_DEPTH), replay of one case from ZSTACK_REPLAY_PATH, and a
// failure report a reader can act on: seed, path, the shrunk case, the steps it ran, what failed, and every
// request of the failing case as a curl line with the session as $ZSTACK_SESSION.
import fc from 'fast-check';
import { curlLine, shellQuote } from '../reporting/transcript.ts';
import { redact } from '../reporting/redact.ts';
import { renderValue } from '../generators/render.ts';
import type { Suite } from '../suite.ts';
import { CaseRecord, PropertyEnv, StepFailure } from './core.ts';
import type { CheckTally } from '../reporting/test-record.ts';
import { resourceProfiles } from './targets.ts';
import { commandsReplayPathOf, decodeReplay, encodeReplay } from './replay.ts';
import { runCasesInFlight, type CaseResult, type PrefixRun } from './cases-in-flight.ts';

/**
 * The values fast-check generates for `seed`, in run order: a run's value depends only on the seed and its
 * index, never on how earlier runs ended (fast-check derives one random stream per run), so these are the
 * cases a sequential fc.check of the same arbitrary meets.
 */
export function generatedCases<T>(arb: fc.Arbitrary<T>, seed: number, numRuns: number): T[] {
  const values: T[] = [];
  fc.check(
    fc.property(arb, (v) => {
      values.push(v);
    }),
    { seed, numRuns },
  );
  return values;
}

const errorLine = (r: CaseResult | undefined): string => {
  if (!r || r.ok) return 'no error';
  const e = r.error;
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0].slice(0, 200);
};

export interface PropertySpec<T> {
  /** stable id, e.g. lifecycleMatchesModel */
  name: string;
  /** literal test title */
  title: string;
  /** what the target MUST do (README line) */
  rule: string;
  /** runs at ZSTACK_DEPTH=quick; deep multiplies by DEEP_FACTOR */
  quickRuns: number;
  /** false: needs no approved project (the flow collections' fixture) */
  usesProjectFixture?: boolean;
  /** the Playwright project that runs it (for the replay line); default properties */
  project?: string;
  /** model-based: the arbitrary is fc.commands and takes the commands' replayPath */
  commands?: boolean;
  /** `seed`: the run's seed, for data a property derives once per run (replayed with it) */
  arbitrary(env: PropertyEnv, opts: { commandsReplayPath?: string; deep: boolean; seed: number }): fc.Arbitrary<T>;
  /** runs one case; throws StepFailure when a check fails */
  run(value: T, rec: CaseRecord): Promise<void>;
}

export const DEEP_FACTOR = 5;

/**
 * The default time guard of one property (ZSTACK_PROPERTY_TIME_GUARD_MS overrides it). A property runs its
 * number of cases; the guard only stops a run that would otherwise go on for hours (a target whose jobs take
 * minutes). A run it stops is incomplete, and an incomplete run is an error, never a pass.
 */
export const TIME_GUARD_MS = { quick: 10 * 60_000, deep: 60 * 60_000 } as const;

export interface RunOptions {
  numRuns?: number;
  seed?: number;
  /** ZSTACK_REPLAY_PATH: replay exactly one case (needs the seed it was found with) */
  replayPath?: string;
  /** ZSTACK_CASES_IN_FLIGHT: independent cases run at once */
  casesInFlight?: number;
  /** ZSTACK_PROPERTY_TIME_GUARD_MS */
  timeGuardMs?: number;
}

export interface PropertyOutcome {
  name: string;
  title: string;
  failed: boolean;
  /** the failure is the suite's or the setup's (not a check): an error, not a conformance failure */
  error: boolean;
  numRuns: number;
  numShrinks: number;
  seed: number;
  /** fast-check path of the counterexample */
  path?: string;
  /** value for ZSTACK_REPLAY_PATH */
  replay?: string;
  /** fast-check's rendering of the shrunk case (with the commands' replayPath for model-based ones) */
  counterexample?: string;
  /** the steps the failing case ran, as judged */
  steps: string[];
  /** curl lines of every request of the failing case */
  curl: string[];
  report: string;
  advisories: string[];
  leftovers: string[];
  durationMs: number;
  /** the number of cases the property was configured to run */
  plannedRuns: number;
  /** the time guard stopped the run before its configured number of cases: an error, never a pass */
  incomplete: boolean;
  /** independent cases that ran at once */
  casesInFlight: number;
  /** every case's check results per API × rule */
  tally: CheckTally;
}

const indent = (s: string, n = 2): string =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

export function timeGuardFor(suite: Suite, opts: RunOptions): number {
  return opts.timeGuardMs ?? suite.config.propertyTimeGuardMs ?? TIME_GUARD_MS[suite.config.depth];
}

export function runsFor(spec: PropertySpec<unknown>, suite: Suite, opts: RunOptions): number {
  return opts.numRuns ?? suite.config.numRuns ?? spec.quickRuns * (suite.config.depth === 'deep' ? DEEP_FACTOR : 1);
}

export async function checkProperty<T>(
  spec: PropertySpec<T>,
  suite: Suite,
  opts: RunOptions = {},
): Promise<PropertyOutcome> {
  const started = Date.now();
  const env = new PropertyEnv(suite);
  const seed = opts.seed ?? suite.config.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const replayText = opts.replayPath ?? suite.config.replayPath;
  const replay = replayText ? decodeReplay(replayText) : undefined;
  const numRuns = runsFor(spec as PropertySpec<unknown>, suite, opts);
  const guardMs = timeGuardFor(suite, opts);
  const deadline = started + guardMs;
  // a replay is one case: nothing to overlap
  const inFlight = replay ? 1 : (opts.casesInFlight ?? suite.config.casesInFlight);
  const advisoriesByCase: string[][] = [];
  const laterAdvisories: string[] = [];
  let lastFailure: { rec: CaseRecord; error: unknown } | undefined;
  let leftovers: string[] = [];
  let details: fc.RunDetails<[T]> | undefined;
  let prefix: PrefixRun | undefined;
  let flaky: string | undefined;
  /** runs one case for real; its advisories go to `into` */
  const runCase = async (value: T, into: string[]): Promise<void> => {
    const rec = new CaseRecord(env);
    try {
      await spec.run(value, rec);
    } catch (error) {
      rec.end();
      lastFailure = { rec, error };
      throw error;
    } finally {
      into.push(...rec.advisories);
      const left = await rec.cleanup();
      if (left.length) leftovers.push(...left);
    }
  };
  try {
    if (spec.usesProjectFixture !== false)
      await env.ensureFixtures(resourceProfiles(suite.contracts).map((p) => p.resource));
    const arb = spec.arbitrary(env, {
      commandsReplayPath: replay?.commandsReplayPath,
      deep: suite.config.depth === 'deep',
      seed,
    });
    if (!replay) {
      // 1. the cases fast-check generates for this seed, run inFlight at a time up to the first failure
      const values = generatedCases(arb, seed, numRuns);
      prefix = await runCasesInFlight(values.length, inFlight, deadline, async (i) => {
        const into: string[] = (advisoriesByCase[i] = []);
        try {
          await runCase(values[i], into);
          return { ok: true };
        } catch (error) {
          return { ok: false, error };
        }
      });
    }
    if (!prefix || prefix.firstFailure !== undefined) {
      // 2. sequential, as fast-check runs it: the cases that passed above are not sent again; the first failing
      //    one runs again and fast-check shrinks it as usual, so verdict, path and counterexample are a
      //    sequential run's
      const passed = prefix?.results.map((r) => r.ok) ?? [];
      const firstFailure = prefix?.firstFailure;
      let call = 0;
      let sawFailure = false;
      const property = fc.asyncProperty(arb, async (value) => {
        const index = call++;
        if (!sawFailure && passed[index] === true) return;
        try {
          await runCase(value, laterAdvisories);
        } catch (error) {
          sawFailure = true;
          throw error;
        }
        if (index === firstFailure) {
          flaky = `case ${index} failed while other cases ran beside it (${errorLine(prefix?.results[index])}) but passed when run again alone`;
        }
      });
      try {
        details = await fc.check(property, {
          seed,
          numRuns,
          interruptAfterTimeLimit: Math.max(1, deadline - Date.now()),
          markInterruptAsFailure: false,
          ...(replay ? { path: replay.path, endOnFailure: true } : {}),
        });
      } catch (e) {
        if (!replay) throw e;
        // fast-check cannot walk the path: it was printed by another property, or by other generators
        throw new Error(
          `ZSTACK_REPLAY_PATH=${replayText} does not replay a case of ${spec.name} with seed ${seed} (run it with -g '${spec.title}' and the seed printed with it; generators changed since?): ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
  } finally {
    leftovers = [...leftovers, ...(await env.close())];
  }
  // the advisories of the cases a sequential run would have run, in case order
  const upTo = prefix?.firstFailure ?? prefix?.results.length ?? 0;
  const advisories = [...new Set([...advisoriesByCase.slice(0, upTo).flat(), ...laterAdvisories])];
  const ran = details ? details.numRuns : (prefix?.results.length ?? 0);
  const incomplete =
    (details ? details.interrupted && !details.failed : (prefix?.guardReached ?? false)) && ran < numRuns;
  const base = {
    name: spec.name,
    title: spec.title,
    numRuns: ran,
    numShrinks: details?.numShrinks ?? 0,
    seed,
    advisories,
    leftovers,
    durationMs: Date.now() - started,
    plannedRuns: numRuns,
    incomplete,
    casesInFlight: inFlight,
    tally: env.tally,
  };
  if (!details || !details.failed) {
    if (incomplete) {
      const report = `${spec.name}: incomplete: ${ran} of ${numRuns} cases (seed ${seed}): the time guard of ${guardMs} ms (ZSTACK_PROPERTY_TIME_GUARD_MS) stopped it; the cases that ran passed, the others were not tested`;
      return { ...base, failed: true, error: true, steps: [], curl: [], report };
    }
    if (flaky) {
      const report = `${spec.name}: errored (not a conformance verdict): ${flaky}; seed ${seed}. Run it with ZSTACK_CASES_IN_FLIGHT=1 to see whether cases disturb each other.`;
      return { ...base, failed: true, error: true, steps: [], curl: [], report };
    }
    return {
      ...base,
      failed: false,
      error: false,
      steps: [],
      curl: [],
      report: `${spec.name}: ${ran} of ${numRuns} case(s) passed (seed ${seed})`,
    };
  }
  if (details.counterexample === null || details.counterexamplePath === null) {
    return {
      ...base,
      failed: true,
      error: true,
      steps: [],
      curl: [],
      report: `${spec.name}: fast-check gave up: ${fc.defaultReportMessage(details) ?? 'no details'}`,
    };
  }
  const counterexample = spec.commands ? String(details.counterexample[0]) : renderValue(details.counterexample[0]);
  const path = details.counterexamplePath;
  const commandsReplayPath = spec.commands ? commandsReplayPathOf(counterexample) : undefined;
  const replayValue = encodeReplay({ path, commandsReplayPath });
  const failure = lastFailure;
  const isCheck = failure?.error instanceof StepFailure;
  const steps = failure?.rec.steps ?? [];
  const curl = (failure?.rec.exchanges() ?? []).map(
    (x) => `${curlLine(x.hops[0].request)}   # ${x.api} -> ${x.final.status}`,
  );
  const errorText =
    failure?.error instanceof Error
      ? isCheck
        ? failure.error.message
        : `${failure.error.name}: ${failure.error.message}`
      : String(failure?.error ?? details.errorInstance);
  const report = redact(
    [
      `Property "${spec.title}" (${spec.name}) ${isCheck ? 'failed' : 'errored (suite or setup, not a conformance verdict)'} after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s).`,
      `Seed: ${details.seed}   Path: ${JSON.stringify(path)}${commandsReplayPath ? `   Commands replayPath: ${JSON.stringify(commandsReplayPath)}` : ''}`,
      'Replay exactly this case:',
      `  ZSTACK_SEED=${details.seed} ZSTACK_REPLAY_PATH=${shellQuote(replayValue)} npx playwright test --project=${spec.project ?? 'properties'} -g ${shellQuote(spec.title)}`,
      'Shrunk counterexample (fast-check):',
      indent(counterexample),
      'Steps of the failing case:',
      ...steps.map((s, i) => `  ${i + 1}. ${s}`),
      'What failed:',
      indent(errorText),
      'Requests of the failing case (export ZSTACK_SESSION=<a session of the target> first):',
      ...curl.map((c) => `  ${c}`),
    ].join('\n'),
  );
  return { ...base, failed: true, error: !isCheck, path, replay: replayValue, counterexample, steps, curl, report };
}
