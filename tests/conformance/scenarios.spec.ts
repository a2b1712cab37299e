// Every scenario in src/scenarios, run against the target and judged by every check. A required violation
// fails the test; advisory ones are annotations. The full observations are attached, redacted.
import { conformance, expect, test } from '../../fixtures/test.ts';
import { SCENARIOS } from '../../src/scenarios/index.ts';
import { formatFailures } from '../../src/reporting/failures.ts';
import { runScenario } from '../../src/scenarios/run.ts';
import { redactJson } from '../../src/reporting/redact.ts';
import { versionAtLeast } from '../../src/contracts/schemas.ts';
import { newestVersion, sinceOfApis } from '../../src/contracts/versions.ts';
import { CheckTally, errorOfStop, RECORD_ATTACHMENT, RECORD_CONTENT_TYPE } from '../../src/certification/record.ts';
import { loadContracts } from '../../contracts/index.ts';
import { READ_ONLY_SKIP } from '../../src/safety/read-only.ts';

// Each scenario makes and deletes its own resources: they may run on any worker, in any order.
test.describe.configure({ mode: 'parallel' });

for (const scenario of SCENARIOS) {
  // a scenario needs every API it calls: its own `since` and each descriptor's, whichever is newest
  const since = newestVersion([scenario.since, sinceOfApis(loadContracts(), scenario.apis)]);
  test(scenario.title, conformance({ api: scenario.apis[0], since }), async ({ suite, kit }, testInfo) => {
    test.skip(suite.config.readOnly && !scenario.readOnly, READ_ONLY_SKIP);
    test.skip(!versionAtLeast(suite.config.targetVersion, since), `needs ZStack ${since}; ZSTACK_TARGET_VERSION is ${suite.config.targetVersion}`);
    const outcome = await runScenario(scenario, { zs: suite.zs, kit }, suite.schemas);
    const tally = new CheckTally();
    tally.add(outcome.results, outcome.observations);
    await testInfo.attach(RECORD_ATTACHMENT, { contentType: RECORD_CONTENT_TYPE, body: JSON.stringify(tally.record('scenario', outcome.stopped ? errorOfStop(outcome.stopped) : undefined)) });
    for (const a of outcome.advisories) for (const v of a.violations) testInfo.annotations.push({ type: 'advisory', description: `${v.check} ${v.api}: ${v.title} (${v.received})` });
    await testInfo.attach('results.json', {
      contentType: 'application/json',
      body: JSON.stringify(redactJson(outcome.results.filter((r) => r.status === 'fail')), null, 2),
    });
    const report = `${scenario.description}\n\n${formatFailures(outcome.failed, outcome.observations)}`;
    expect(outcome.failed, report).toEqual([]);
    // A scenario that could not finish (a setup refusal, the endpoint gone) is an error of the run, shown with the reason.
    expect(outcome.stopped, `the scenario stopped before its end: ${outcome.stopped}`).toBeUndefined();
  });
}

