// What a property is (its spec), the options of one run, how many cases it runs and for how long at most, and
// the outcome the runner reports.
import type fc from 'fast-check';
import type { Suite } from '../suite.ts';
import type { CaseRecord, PropertyEnv } from './core.ts';
import type { CheckTally } from '../reporting/test-record.ts';

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

export function timeGuardFor(suite: Suite, opts: RunOptions): number {
  return opts.timeGuardMs ?? suite.config.propertyTimeGuardMs ?? TIME_GUARD_MS[suite.config.depth];
}

export function runsFor(spec: PropertySpec<unknown>, suite: Suite, opts: RunOptions): number {
  return opts.numRuns ?? suite.config.numRuns ?? spec.quickRuns * (suite.config.depth === 'deep' ? DEEP_FACTOR : 1);
}
