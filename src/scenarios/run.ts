// Runs a scenario, cleans up what it created, and judges its observations with the checks
// (src/reporting/failures.ts renders what failed).
import { failuresOf, runChecks, type Check, type CheckResult } from '../checks/index.ts';
import type { SchemaRegistry } from '../contract-model/schemas.ts';
import type { Observation } from '../exchange/observation.ts';
import { redact } from '../reporting/redact.ts';
import type { Scenario, ScenarioContext } from './scenario.ts';

export interface ScenarioOutcome {
  observations: Observation[];
  results: CheckResult[];
  failed: CheckResult[];
  advisories: CheckResult[];
  /** cleanup problems (resources the run could not delete) */
  leftovers: string[];
  /** why the scenario stopped before its end (a setup refusal, a transport failure), redacted */
  stopped?: string;
}

export async function runScenario(
  s: Scenario,
  base: Omit<ScenarioContext, 'record'>,
  schemas: SchemaRegistry,
  checks?: readonly Check[],
): Promise<ScenarioOutcome> {
  const ctx: ScenarioContext = { ...base, record: [] };
  let stopped: string | undefined;
  try {
    await s.run(ctx);
  } catch (e) {
    stopped = redact(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
  const leftovers = await ctx.kit.cleanup();
  const observations: Observation[] = ctx.record;
  const results = runChecks(observations, { schemas }, checks);
  return {
    observations,
    results,
    ...failuresOf(results),
    leftovers,
    ...(stopped ? { stopped } : {}),
  };
}
