// The property-based conformance tests (src/properties), run against the target. A property fails with its
// seed, fast-check path, shrunk case and the failing case's requests as curl lines; replay one case with
// ZSTACK_SEED=<seed> ZSTACK_REPLAY_PATH=<path> and -g '<title>'. ZSTACK_DEPTH=deep multiplies the cases.
import { expect, test } from '../../fixtures/test.ts';
import { PROPERTIES, checkProperty } from '../../src/properties/index.ts';
import { timeGuardFor } from '../../src/properties/runner.ts';
import { resourceProfiles } from '../../src/properties/targets.ts';
import { errorOfStop, RECORD_ATTACHMENT, RECORD_CONTENT_TYPE } from '../../src/certification/record.ts';
import { READ_ONLY_SKIP } from '../../src/safety/read-only.ts';

// The properties are independent of each other (each makes and deletes its own fixtures and cases): spread them
// over the workers instead of running them one after another in one.
test.describe.configure({ mode: 'parallel' });

for (const property of PROPERTIES) {
  test(property.title, { tag: ['@property'], annotation: [{ type: 'property', description: property.name }] }, async ({ suite }, testInfo) => {
    test.skip(suite.config.readOnly, `${READ_ONLY_SKIP} (every property creates the resources its cases act on)`);
    // the time guard, not the test timeout, is what may stop a property: it then says how far it got
    test.setTimeout(timeGuardFor(suite, {}) + 120_000);
    // suite.contracts holds only the APIs of the declared version: with none of the resources a property walks, nothing to test
    test.skip(resourceProfiles(suite.contracts).length === 0, `no resource with create, query, delete and an action exists at ZSTACK_TARGET_VERSION ${suite.config.targetVersion}`);
    const outcome = await checkProperty(property, suite);
    const error = outcome.incomplete ? { kind: 'incomplete' as const, message: outcome.report } : outcome.error ? errorOfStop(/\b(?:SetupError|TransportError)\b.*/.exec(outcome.report)?.[0] ?? outcome.report.split('\n')[0]) : undefined;
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
