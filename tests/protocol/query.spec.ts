// The query-language properties (src/properties/query), against the target, over organizations the run creates
// and selects by its run tag. A failure prints the seed, the replay path, the shrunk case and curl lines; replay
// with ZSTACK_SEED=<seed> ZSTACK_REPLAY_PATH=<path> npx playwright test --project=protocol -g '<title>'.
import { expect, test } from '../../fixtures/test.ts';
import { checkProperty } from '../../src/properties/index.ts';
import { timeGuardFor } from '../../src/properties/runner.ts';
import { QUERY_PROPERTIES } from '../../src/properties/query/index.ts';
import { errorOfStop, RECORD_ATTACHMENT, RECORD_CONTENT_TYPE } from '../../src/certification/record.ts';
import { READ_ONLY_SKIP } from '../../src/safety/read-only.ts';

for (const property of QUERY_PROPERTIES) {
  test(property.title, { tag: ['@property', '@protocol'], annotation: [{ type: 'property', description: property.name }] }, async ({ suite }, testInfo) => {
    test.skip(suite.config.readOnly, `${READ_ONLY_SKIP} (the query properties create the organizations they select)`);
    // the time guard, not the test timeout, is what may stop a property: it then says how far it got
    test.setTimeout(timeGuardFor(suite, {}) + 120_000);
    const outcome = await checkProperty(property, suite);
    const error = outcome.error ? errorOfStop(/\b(?:SetupError|TransportError)\b.*/.exec(outcome.report)?.[0] ?? outcome.report.split('\n')[0]) : undefined;
    await testInfo.attach(RECORD_ATTACHMENT, { contentType: RECORD_CONTENT_TYPE, body: JSON.stringify(outcome.tally.record('property', error)) });
    testInfo.annotations.push({ type: 'seed', description: String(outcome.seed) });
    testInfo.annotations.push({ type: 'runs', description: `${outcome.numRuns} of ${outcome.plannedRuns} case(s) in ${outcome.durationMs} ms, ${outcome.casesInFlight} in flight` });
    // machine-readable for certification: "<ran> of <planned> cases"; an incomplete run is an error, never a pass
    if (outcome.incomplete) {
      testInfo.annotations.push({ type: 'incomplete', description: `${outcome.numRuns} of ${outcome.plannedRuns} cases` });
      console.error(`${property.name}: incomplete: ${outcome.numRuns} of ${outcome.plannedRuns} cases`);
    }
    if (outcome.replay) testInfo.annotations.push({ type: 'replay', description: `ZSTACK_SEED=${outcome.seed} ZSTACK_REPLAY_PATH=${outcome.replay}` });
    for (const a of outcome.advisories) testInfo.annotations.push({ type: 'advisory', description: a });
    if (outcome.leftovers.length) testInfo.annotations.push({ type: 'cleanup', description: outcome.leftovers.join('; ') });
    if (outcome.failed) await testInfo.attach('property-failure.txt', { contentType: 'text/plain', body: outcome.report });
    expect(outcome.failed, outcome.report).toBe(false);
  });
}
