// The property-based conformance tests (src/properties), run against the target. A property fails with its
// seed, fast-check path, shrunk case and the failing case's requests as curl lines; replay one case with
// ZSTACK_SEED=<seed> ZSTACK_REPLAY_PATH=<path> and -g '<title>'. ZSTACK_DEPTH=deep multiplies the cases.
import { test } from '../../fixtures/test.ts';
import { propertyBody } from '../../fixtures/property-test.ts';
import { PROPERTIES } from '../../src/properties/index.ts';
import { resourceProfiles } from '../../src/properties/targets.ts';

// The properties are independent of each other (each makes and deletes its own fixtures and cases): spread them
// over the workers instead of running them one after another in one.
test.describe.configure({ mode: 'parallel' });

for (const property of PROPERTIES) {
  test(
    property.title,
    { tag: ['@property'], annotation: [{ type: 'property', description: property.name }] },
    // suite.contracts holds only the APIs of the declared version: with none of the resources a property walks, nothing
    // to test
    propertyBody(property, 'every property creates the resources its cases act on', (suite) =>
      resourceProfiles(suite.contracts).length === 0
        ? `no resource with create, query, delete and an action exists at ZSTACK_TARGET_VERSION ${suite.config.targetVersion}`
        : undefined,
    ),
  );
}
