// The protocol scenarios (src/protocol): async jobs and X-Job-UUID, status codes, sessions and web hooks, run
// against the target and judged by every check. A required violation fails the test; advisories are annotations.
import { conformance, expect, test } from '../../fixtures/test.ts';
import { PROTOCOL_SCENARIOS, webHooksApplicable } from '../../src/scenarios/protocol/index.ts';
import { webHooksScenario } from '../../src/scenarios/protocol/web-hooks.ts';
import { formatFailures } from '../../src/reporting/failures.ts';
import { runScenario } from '../../src/scenarios/run.ts';
import { redactJson } from '../../src/reporting/redact.ts';
import { CheckTally, errorOfStop, RECORD_ATTACHMENT, RECORD_CONTENT_TYPE } from '../../src/certification/record.ts';
import { READ_ONLY_SKIP } from '../../src/safety/read-only.ts';

for (const scenario of PROTOCOL_SCENARIOS) {
  test(scenario.title, conformance({ api: scenario.apis[0], since: scenario.since }), async ({ suite, kit }, testInfo) => {
    test.skip(suite.config.readOnly && !scenario.readOnly, READ_ONLY_SKIP);
    if (scenario === webHooksScenario) {
      test.skip(!webHooksApplicable(suite), 'not applicable: the target cannot reach the suite\'s web-hook receiver (ZSTACK_WEB_HOOK_BASE=off)');
    }
    const outcome = await runScenario(scenario, { zs: suite.zs, kit }, suite.schemas);
    const tally = new CheckTally();
    tally.add(outcome.results, outcome.observations);
    await testInfo.attach(RECORD_ATTACHMENT, { contentType: RECORD_CONTENT_TYPE, body: JSON.stringify(tally.record('scenario', outcome.stopped ? errorOfStop(outcome.stopped) : undefined)) });
    for (const a of outcome.advisories) for (const v of a.violations) testInfo.annotations.push({ type: 'advisory', description: `${v.check} ${v.api}: ${v.title} (${v.received})` });
    await testInfo.attach('results.json', {
      contentType: 'application/json',
      body: JSON.stringify(redactJson(outcome.results.filter((r) => r.status === 'fail')), null, 2),
    });
    expect(outcome.failed, `${scenario.description}\n\n${formatFailures(outcome.failed, outcome.observations)}`).toEqual([]);
    expect(outcome.stopped, `the scenario stopped before its end: ${outcome.stopped}`).toBeUndefined();
  });
}
