// Runs a scenario, judges its observations with the checks, and renders what failed so that a reader can
// reproduce it: the rule, what was received, what was expected, its source, and a redacted curl line.
import { runChecks, type Check, type CheckResult, type Observation } from '../checks/index.ts';
import type { SchemaRegistry } from '../contracts/schemas.ts';
import { curlLine, describeExchange } from '../client/exchange.ts';
import { redact } from '../client/redact.ts';
import type { ScenarioContext } from './context.ts';
import type { Scenario } from './scenario.ts';

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

export async function runScenario(s: Scenario, base: Omit<ScenarioContext, 'record'>, schemas: SchemaRegistry, checks?: readonly Check[]): Promise<ScenarioOutcome> {
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
    failed: results.filter((r) => r.status === 'fail' && r.severity === 'required'),
    advisories: results.filter((r) => r.status === 'fail' && r.severity === 'advisory'),
    leftovers,
    ...(stopped ? { stopped } : {}),
  };
}

export function formatFailures(failures: CheckResult[], observations: Observation[]): string {
  const blocks: string[] = [];
  for (const r of failures) {
    const x = observations[r.observation].exchange;
    for (const v of r.violations) {
      blocks.push([
        `✗ ${v.check} [${v.severity}] ${v.api}: ${v.title}`,
        `  Received: ${v.received}`,
        `  Expected: ${v.expected}`,
        `  Source:   ${v.source}`,
        `  Reproduce: ${curlLine(x.hops[0].request)}`,
        describeExchange(x).split('\n').map((l) => `  ${l}`).join('\n'),
      ].join('\n'));
    }
  }
  return redact(blocks.join('\n\n'));
}
