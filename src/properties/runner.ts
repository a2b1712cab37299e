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
import { resourceProfiles } from './targets.ts';
import { commandsReplayPathOf, decodeReplay, encodeReplay } from './replay.ts';

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
 * Time budget of one property: a slow target (real jobs take up to seconds each) must not turn the run into
 * hours. fast-check stops starting new cases at the budget and the outcome says how many ran; a failure found
 * before it is reported (and shrunk) as usual.
 */
export const BUDGET_MS = { quick: 45_000, deep: 10 * 60_000 } as const;

export interface RunOptions {
  numRuns?: number;
  seed?: number;
  /** ZSTACK_REPLAY_PATH: replay exactly one case (needs the seed it was found with) */
  replayPath?: string;
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
  /** the time budget stopped the run before numRuns cases */
  interrupted: boolean;
}

const indent = (s: string, n = 2): string => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

export function runsFor(spec: PropertySpec<unknown>, suite: Suite, opts: RunOptions): number {
  return opts.numRuns ?? suite.config.numRuns ?? spec.quickRuns * (suite.config.depth === 'deep' ? DEEP_FACTOR : 1);
}

export async function checkProperty<T>(spec: PropertySpec<T>, suite: Suite, opts: RunOptions = {}): Promise<PropertyOutcome> {
  const started = Date.now();
  const env = new PropertyEnv(suite);
  const seed = opts.seed ?? suite.config.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const replayText = opts.replayPath ?? suite.config.replayPath;
  const replay = replayText ? decodeReplay(replayText) : undefined;
  const numRuns = runsFor(spec as PropertySpec<unknown>, suite, opts);
  const advisories = new Set<string>();
  let lastFailure: { rec: CaseRecord; error: unknown } | undefined;
  let leftovers: string[] = [];
  let details: fc.RunDetails<[T]>;
  try {
    if (spec.usesProjectFixture !== false) await env.ensureFixtures(resourceProfiles(suite.contracts).map((p) => p.resource));
    const arb = spec.arbitrary(env, { commandsReplayPath: replay?.commandsReplayPath, deep: suite.config.depth === 'deep', seed });
    const property = fc.asyncProperty(arb, async (value) => {
      const rec = new CaseRecord(env);
      try {
        await spec.run(value, rec);
      } catch (error) {
        rec.end();
        lastFailure = { rec, error };
        throw error;
      } finally {
        for (const a of rec.advisories) advisories.add(a);
        const left = await rec.cleanup();
        if (left.length) leftovers.push(...left);
      }
    });
    try {
      details = await fc.check(property, {
        seed,
        numRuns,
        interruptAfterTimeLimit: BUDGET_MS[suite.config.depth],
        markInterruptAsFailure: false,
        ...(replay ? { path: replay.path, endOnFailure: true } : {}),
      });
    } catch (e) {
      if (!replay) throw e;
      // fast-check cannot walk the path: it was printed by another property, or by other generators
      throw new Error(`ZSTACK_REPLAY_PATH=${replayText} does not replay a case of ${spec.name} with seed ${seed} (run it with -g '${spec.title}' and the seed printed with it; generators changed since?): ${e instanceof Error ? e.message : String(e)}`);
    }
  } finally {
    leftovers = [...leftovers, ...(await env.close())];
  }
  const base = {
    interrupted: details.interrupted,
    name: spec.name, title: spec.title, numRuns: details.numRuns, numShrinks: details.numShrinks, seed: details.seed,
    advisories: [...advisories], leftovers, durationMs: Date.now() - started,
  };
  if (!details.failed) {
    const cut = details.interrupted ? `; time budget of ${BUDGET_MS[suite.config.depth] / 1000} s reached before ${numRuns}` : '';
    return { ...base, failed: false, error: false, steps: [], curl: [], report: `${spec.name}: ${details.numRuns} case(s) passed (seed ${details.seed}${cut})` };
  }
  if (details.counterexample === null || details.counterexamplePath === null) {
    return { ...base, failed: true, error: true, steps: [], curl: [], report: `${spec.name}: fast-check gave up: ${fc.defaultReportMessage(details) ?? 'no details'}` };
  }
  const counterexample = spec.commands ? String(details.counterexample[0]) : renderValue(details.counterexample[0]);
  const path = details.counterexamplePath;
  const commandsReplayPath = spec.commands ? commandsReplayPathOf(counterexample) : undefined;
  const replayValue = encodeReplay({ path, commandsReplayPath });
  const failure = lastFailure;
  const isCheck = failure?.error instanceof StepFailure;
  const steps = failure?.rec.steps ?? [];
  const curl = (failure?.rec.exchanges() ?? []).map((x) => `${curlLine(x.hops[0].request)}   # ${x.api} -> ${x.final.status}`);
  const errorText = failure?.error instanceof Error ? (isCheck ? failure.error.message : `${failure.error.name}: ${failure.error.message}`) : String(failure?.error ?? details.errorInstance);
  const report = redact([
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
  ].join('\n'));
  return { ...base, failed: true, error: !isCheck, path, replay: replayValue, counterexample, steps, curl, report };
}
