// Every scenario in src/scenarios, run against the target and judged by every check. A required violation
// fails the test; advisory ones are annotations. The failing results are attached, redacted.
import { test } from '../../fixtures/test.ts';
import { scenarioBody, scenarioDetails } from '../../fixtures/scenario-test.ts';
import { SCENARIOS } from '../../src/scenarios/index.ts';

// Each scenario makes and deletes its own resources: they may run on any worker, in any order.
test.describe.configure({ mode: 'parallel' });

for (const scenario of SCENARIOS) test(scenario.title, scenarioDetails(scenario), scenarioBody(scenario));
