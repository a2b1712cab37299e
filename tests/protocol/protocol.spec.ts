// The protocol scenarios (src/scenarios/protocol): async jobs and X-Job-UUID, status codes, sessions and web hooks,
// run against the target and judged by every check. A required violation fails the test; advisories are annotations.
import { test } from '../../fixtures/test.ts';
import { scenarioBody, scenarioDetails } from '../../fixtures/scenario-test.ts';
import { PROTOCOL_SCENARIOS, webHooksApplicable } from '../../src/scenarios/protocol/index.ts';
import { webHooksScenario } from '../../src/scenarios/protocol/web-hooks.ts';

// each test makes and deletes its own resources: they spread over the workers
test.describe.configure({ mode: 'parallel' });

for (const scenario of PROTOCOL_SCENARIOS) {
  test(
    scenario.title,
    scenarioDetails(scenario),
    scenarioBody(scenario, (suite) =>
      scenario === webHooksScenario && !webHooksApplicable(suite)
        ? "not applicable: the target cannot reach the suite's web-hook receiver (ZSTACK_WEB_HOOK_BASE=off)"
        : undefined,
    ),
  );
}
