// The property-based conformance tests (src/properties), run against the target. A property fails with its
// seed, fast-check path, shrunk case and the failing case's requests as curl lines; replay one case with
// ZSTACK_SEED=<seed> ZSTACK_REPLAY_PATH=<path> and -g '<title>'. ZSTACK_DEPTH=deep multiplies the cases.
import { expect, test } from '../../fixtures/test.ts';
import { PROPERTIES, checkProperty } from '../../src/properties/index.ts';

for (const property of PROPERTIES) {
  test(property.title, { tag: ['@property'], annotation: [{ type: 'property', description: property.name }] }, async ({ suite }, testInfo) => {
    if (suite.config.depth === 'deep') test.setTimeout(15 * 60_000);
    const outcome = await checkProperty(property, suite);
    testInfo.annotations.push({ type: 'seed', description: String(outcome.seed) });
    testInfo.annotations.push({ type: 'runs', description: `${outcome.numRuns} case(s) in ${outcome.durationMs} ms${outcome.interrupted ? ' (time budget reached)' : ''}` });
    if (outcome.replay) testInfo.annotations.push({ type: 'replay', description: `ZSTACK_SEED=${outcome.seed} ZSTACK_REPLAY_PATH=${outcome.replay}` });
    for (const a of outcome.advisories) testInfo.annotations.push({ type: 'advisory', description: a });
    if (outcome.leftovers.length) testInfo.annotations.push({ type: 'cleanup', description: outcome.leftovers.join('; ') });
    if (outcome.failed) await testInfo.attach('property-failure.txt', { contentType: 'text/plain', body: outcome.report });
    expect(outcome.failed, outcome.report).toBe(false);
  });
}
