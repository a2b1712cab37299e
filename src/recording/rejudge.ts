// Judges a recorded test again with today's checks and contracts: the checks each step was judged with when it
// was recorded (today's code of them), plus any named in `extraChecks`. No endpoint is involved.
import { failuresOf, checkNamed, runChecks, type Check, type CheckResult } from '../checks/index.ts';
import { apiNamed, type Contracts } from '../../contracts/index.ts';
import type { SchemaRegistry } from '../contract-model/schemas.ts';
import type { Observation } from '../exchange/observation.ts';
import { CheckTally } from '../reporting/test-record.ts';
import type { RecordedTest, RecordingStep } from './recording.ts';

export interface Rejudged {
  observations: Observation[];
  results: CheckResult[];
  failed: CheckResult[];
  advisories: CheckResult[];
  tally: CheckTally;
  /** recorded APIs or checks today's suite no longer has: those steps or checks are not judged */
  unknown: string[];
}

function checksOf(step: RecordingStep, extra: readonly string[], unknown: Set<string>): Check[] {
  const out: Check[] = [];
  for (const name of new Set([...step.checks, ...extra])) {
    try {
      out.push(checkNamed(name));
    } catch {
      unknown.add(`check ${name}`);
    }
  }
  return out;
}

export function rejudge(
  rec: RecordedTest,
  contracts: Contracts,
  schemas: SchemaRegistry,
  extraChecks: readonly string[] = [],
): Rejudged {
  const unknown = new Set<string>();
  const observations: Observation[] = [];
  const results: CheckResult[] = [];
  const tally = new CheckTally();
  for (const step of rec.steps) {
    // looked up as the live client looks it up, so a recorded step is judged with the same descriptor
    const api = apiNamed(contracts, step.observation.api);
    if (!api) {
      unknown.add(`API ${step.observation.api}`);
      continue;
    }
    const o: Observation = { ...step.observation, api };
    const stepResults = runChecks([o], { schemas }, checksOf(step, extraChecks, unknown)).map((r) => ({
      ...r,
      observation: observations.length,
    }));
    observations.push(o);
    results.push(...stepResults);
  }
  tally.add(results, observations);
  return {
    observations,
    results,
    ...failuresOf(results),
    tally,
    unknown: [...unknown].sort(),
  };
}
