// The derived tests can fail: each is run against a reference-server fault mode that breaks the rule it
// derives, and must report that rule's check (the conformant server passes them all in the derived project).
import { expect, test } from '@playwright/test';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';
import { derivedTrips } from '../../fixtures/fault-proofs.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { derivedScenarios } from '../../src/scenarios/derived.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { runScenario } from '../../src/scenarios/run.ts';

const scenarios = derivedScenarios(loadValidatedContracts());
const PASSWORD = 'derived-faults-self-test';

for (const c of derivedTrips()) {
  test(`the derived "${c.test}" test of ${c.api} fails on fault ${c.fault} with ${c.check}`, async () => {
    const scenario = scenarios.find((s) => s.apis[0] === c.api && s.title.includes(c.test));
    if (!scenario) throw new Error(`no derived test "${c.test}" of ${c.api}`);
    await withReferenceTarget(
      { password: PASSWORD, faults: [c.fault] },
      { ZSTACK_PASSWORD: PASSWORD, ZSTACK_RUN_ID: 'derivedfault' },
      async (suite) => {
        const outcome = await runScenario(scenario, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas);
        expect(outcome.stopped, 'the scenario ran to its end').toBeUndefined();
        expect([...new Set(outcome.failed.map((r) => r.check))]).toContain(c.check);
      },
    );
  });
}
