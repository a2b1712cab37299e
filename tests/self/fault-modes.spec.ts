// Both directions of every check: each reference-server fault mode makes the check it targets fail (run
// through the same scenarios the conformance suite runs), the clean server passes every check, and every
// conformant variant (Java 9 dates, no Content-Type, another job host, slow jobs, ...) passes too.
import { test, expect } from '@playwright/test';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { runScenario, type ScenarioOutcome } from '../../src/scenarios/run.ts';
import { formatFailures } from '../../src/reporting/failures.ts';
import { SCENARIOS, type Scenario } from '../../src/scenarios/index.ts';
import { flowCollectionRejectionsScenario } from '../../src/scenarios/flow-collection-rejections.ts';
import { VARIANTS, type FaultName, type Variant } from '../../reference-server/faults.ts';
import { PROTOCOL_SCENARIOS } from '../../src/scenarios/protocol/index.ts';
import { ZSTACK_OWN_ADVISORIES, scenarioTrips } from '../../fixtures/fault-proofs.ts';

test.describe.configure({ mode: 'parallel' });

async function runAgainst(
  scenario: Scenario,
  opts: { faults?: FaultName[]; variant?: Partial<Variant> },
  env: Record<string, string> = {},
): Promise<ScenarioOutcome & { secrets: string[] }> {
  return withReferenceTarget(opts, { ZSTACK_RUN_ID: 'self', ...env }, async (suite) => {
    const secrets = [suite.zs.session ?? '', suite.zs.passwordHash()];
    return {
      ...(await runScenario(scenario, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas)),
      secrets,
    };
  });
}

/** Tighter bounds for faults that make the suite wait (a job that never ends waits for ZSTACK_JOB_TIMEOUT_MS). */
const ENV: Partial<Record<FaultName, Record<string, string>>> = {
  'job-never-ends': { ZSTACK_JOB_TIMEOUT_MS: '600', ZSTACK_POLL_INTERVAL_MS: '100' },
  // the web-hook wait is the job timeout
  'web-hook-not-sent': { ZSTACK_JOB_TIMEOUT_MS: '600' },
};

test('wrongShapeRefusedWith400 reports the Gson-style 500 as advisory only, and passes a server answering 400', async () => {
  const gson = await runAgainst(flowCollectionRejectionsScenario, {});
  expect(gson.failed).toEqual([]);
  expect(gson.advisories.map((r) => r.check)).toEqual(['wrongShapeRefusedWith400']);
  const with400 = await runAgainst(flowCollectionRejectionsScenario, { variant: VARIANTS['wrong-shape-400'] });
  expect([...with400.failed, ...with400.advisories]).toEqual([]);
});

for (const { fault, check, scenario } of scenarioTrips()) {
  test(`fault ${fault} is caught by ${check}`, async () => {
    const outcome = await runAgainst(scenario, { faults: [fault] }, ENV[fault]);
    const caught = [...outcome.failed, ...outcome.advisories].filter((r) => r.check === check);
    expect(
      caught.length,
      `${check} did not fail on fault ${fault}; failures seen: ${[...outcome.failed, ...outcome.advisories].map((r) => r.check).join(', ') || 'none'}`,
    ).toBeGreaterThan(0);
    expect(caught[0].violations[0].received.length).toBeGreaterThan(0);
    const report = formatFailures([...outcome.failed, ...outcome.advisories], outcome.observations);
    for (const secret of outcome.secrets) expect(report).not.toContain(secret);
  });
}

for (const scenario of [...SCENARIOS, ...PROTOCOL_SCENARIOS]) {
  test(`clean server passes every check: ${scenario.title}`, async () => {
    const outcome = await runAgainst(scenario, {});
    const all = [...outcome.failed, ...outcome.advisories.filter((r) => !ZSTACK_OWN_ADVISORIES.has(r.check))];
    expect(all, formatFailures(all, outcome.observations)).toEqual([]);
    expect(outcome.stopped).toBeUndefined();
    // every observation was judged by at least one check that applied to it
    expect(new Set(outcome.results.filter((r) => r.status === 'pass').map((r) => r.observation)).size).toBe(
      outcome.observations.length,
    );
    expect(outcome.leftovers).toEqual([]);
  });
}

for (const [name, variant] of Object.entries(VARIANTS)) {
  for (const scenario of [...SCENARIOS, ...PROTOCOL_SCENARIOS]) {
    test(`conformant variant ${name} passes every required check: ${scenario.title}`, async () => {
      const outcome = await runAgainst(scenario, { variant });
      expect(outcome.stopped).toBeUndefined();
      expect(outcome.failed, formatFailures(outcome.failed, outcome.observations)).toEqual([]);
    });
  }
}
