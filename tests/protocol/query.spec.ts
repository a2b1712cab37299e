// The query-language properties (src/properties/query), against the target, over organizations the run creates
// and selects by its run tag. A failure prints the seed, the replay path, the shrunk case and curl lines; replay
// with ZSTACK_SEED=<seed> ZSTACK_REPLAY_PATH=<path> npx playwright test --project=protocol -g '<title>'.
import { test } from '../../fixtures/test.ts';
import { propertyBody } from '../../fixtures/property-test.ts';
import { QUERY_PROPERTIES } from '../../src/properties/query/index.ts';

// each test makes and deletes its own resources: they spread over the workers
test.describe.configure({ mode: 'parallel' });

for (const property of QUERY_PROPERTIES) {
  test(
    property.title,
    { tag: ['@property', '@protocol'], annotation: [{ type: 'property', description: property.name }] },
    propertyBody(property, 'the query properties create the organizations they select'),
  );
}
