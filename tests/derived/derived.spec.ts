// The tests derived from the descriptors alone (src/scenarios/derived.ts): every API of contracts/apis gets its generic rules,
// its state events and updates, run against the target and judged by every check, like the hand-written
// scenarios. An API imported into contracts/ is tested here without any other file changing.
import { conformance, expect, test } from '../../fixtures/test.ts';
import { loadValidatedContracts } from '../../src/contracts/descriptors.ts';
import { derivedScenarios } from '../../src/scenarios/derived.ts';
import { runScenario } from '../../src/scenarios/run.ts';
import { formatFailures } from '../../src/reporting/failures.ts';
import { versionAtLeast } from '../../src/contracts/schemas.ts';
import { READ_ONLY_SKIP } from '../../src/safety/read-only.ts';

for (const scenario of derivedScenarios(loadValidatedContracts())) {
  test(scenario.title, conformance({ api: scenario.apis[0], since: scenario.since }), async ({ suite, kit }, testInfo) => {
    test.skip(suite.config.readOnly && !scenario.readOnly, READ_ONLY_SKIP);
    test.skip(!versionAtLeast(suite.config.targetVersion, scenario.since), `needs ZStack ${scenario.since}; ZSTACK_TARGET_VERSION is ${suite.config.targetVersion}`);
    const outcome = await runScenario(scenario, { zs: suite.zs, kit }, suite.schemas);
    for (const a of outcome.advisories) for (const v of a.violations) testInfo.annotations.push({ type: 'advisory', description: `${v.check} ${v.api}: ${v.title} (${v.received})` });
    expect(outcome.failed, `${scenario.description}\n\n${formatFailures(outcome.failed, outcome.observations)}`).toEqual([]);
    expect(outcome.stopped, `the scenario stopped before its end: ${outcome.stopped}`).toBeUndefined();
  });
}
