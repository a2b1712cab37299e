// The tests derived from the descriptors alone (src/scenarios/derived.ts): every API of contracts/apis gets its generic
// rules,
// its state events and updates, run against the target and judged by every check, like the hand-written
// scenarios. An API imported into contracts/ is tested here without any other file changing.
import { test } from '../../fixtures/test.ts';
import { scenarioBody, scenarioDetails } from '../../fixtures/scenario-test.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { derivedScenarios } from '../../src/scenarios/derived.ts';

// each test makes and deletes its own resources: they spread over the workers
test.describe.configure({ mode: 'parallel' });

for (const scenario of derivedScenarios(loadValidatedContracts()))
  test(scenario.title, scenarioDetails(scenario), scenarioBody(scenario));
