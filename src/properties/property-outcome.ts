// The verdict of a property run and its report: passed; incomplete or flaky (errors, never a pass); fast-check
// giving up; or a failure a reader can act on: seed, path, the shrunk case, the steps it ran, what failed, and
// every request of the failing case as a curl line with the session as $ZSTACK_SESSION.
import fc from 'fast-check';
import { curlLine, shellQuote } from '../reporting/transcript.ts';
import { redact } from '../reporting/redact.ts';
import { renderValue } from '../generators/render.ts';
import type { CheckTally } from '../reporting/test-record.ts';
import { StepFailure } from './core.ts';
import type { CaseFailure } from './case-runner.ts';
import type { PrefixRun } from './cases-in-flight.ts';
import type { PropertyOutcome, PropertySpec } from './property.ts';
import { commandsReplayPathOf, encodeReplay } from './replay.ts';
import type { SequentialRun } from './sequential-rerun.ts';

/** Everything a property run leaves behind for its verdict. */
export interface FinishedRun<T> {
  seed: number;
  plannedRuns: number;
  guardMs: number;
  casesInFlight: number;
  durationMs: number;
  tally: CheckTally;
  leftovers: string[];
  advisories: string[];
  /** step 1, unless replaying */
  prefix?: PrefixRun;
  /** step 2, when step 1 found a failure or when replaying */
  sequential?: SequentialRun<T>;
  lastFailure?: CaseFailure;
}

export function propertyOutcome<T>(spec: PropertySpec<T>, run: FinishedRun<T>): PropertyOutcome {
  const details = run.sequential?.details;
  const { seed, plannedRuns } = run;
  const ran = details ? details.numRuns : (run.prefix?.results.length ?? 0);
  const interrupted = details ? details.interrupted && !details.failed : (run.prefix?.guardReached ?? false);
  const incomplete = interrupted && ran < plannedRuns;
  const base = {
    name: spec.name,
    title: spec.title,
    numRuns: ran,
    numShrinks: details?.numShrinks ?? 0,
    seed,
    advisories: run.advisories,
    leftovers: run.leftovers,
    durationMs: run.durationMs,
    plannedRuns,
    incomplete,
    casesInFlight: run.casesInFlight,
    tally: run.tally,
  };
  const noFailure = { steps: [], curl: [] };
  if (!details || !details.failed) {
    if (incomplete) {
      const report = `${spec.name}: incomplete: ${ran} of ${plannedRuns} cases (seed ${seed}): the time guard of ${run.guardMs} ms (ZSTACK_PROPERTY_TIME_GUARD_MS) stopped it; the cases that ran passed, the others were not tested`;
      return { ...base, ...noFailure, failed: true, error: true, report };
    }
    const flaky = run.sequential?.flaky;
    if (flaky) {
      const report = `${spec.name}: errored (not a conformance verdict): ${flaky}; seed ${seed}. Run it with ZSTACK_CASES_IN_FLIGHT=1 to see whether cases disturb each other.`;
      return { ...base, ...noFailure, failed: true, error: true, report };
    }
    const report = `${spec.name}: ${ran} of ${plannedRuns} case(s) passed (seed ${seed})`;
    return { ...base, ...noFailure, failed: false, error: false, report };
  }
  if (details.counterexample === null || details.counterexamplePath === null) {
    const report = `${spec.name}: fast-check gave up: ${fc.defaultReportMessage(details) ?? 'no details'}`;
    return { ...base, ...noFailure, failed: true, error: true, report };
  }
  return { ...base, ...failureOutcome(spec, details, run.lastFailure) };
}

type Failed<T> = fc.RunDetails<[T]> & { counterexample: [T]; counterexamplePath: string };

function failureOutcome<T>(
  spec: PropertySpec<T>,
  details: Failed<T>,
  failure: CaseFailure | undefined,
): Pick<PropertyOutcome, 'failed' | 'error' | 'path' | 'replay' | 'counterexample' | 'steps' | 'curl' | 'report'> {
  const counterexample = spec.commands ? String(details.counterexample[0]) : renderValue(details.counterexample[0]);
  const path = details.counterexamplePath;
  const commandsReplayPath = spec.commands ? commandsReplayPathOf(counterexample) : undefined;
  const replayValue = encodeReplay({ path, commandsReplayPath });
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
  return { failed: true, error: !isCheck, path, replay: replayValue, counterexample, steps, curl, report };
}

const indent = (s: string, n = 2): string =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
