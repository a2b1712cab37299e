import { defineFault } from './types.ts';

/**
 * Fields only inferred to be always present (docs/zstack-protocol.md#inventory-fields-always-present); the
 * fault's own list, not read from the checks.
 */
const INFERRED_FIELDS = ['attributes', 'srcType', 'isDefault', 'flows', 'ticketTypeUuids', 'linkedAccountUuid'];

export default defineFault({
  name: 'no-inferred-fields',
  description:
    'inventories leave out the fields a real server is inferred to always send (attributes, srcType, isDefault, flows, ...)',
  touches: [
    'field:attributes',
    'field:srcType',
    'field:isDefault',
    'field:flows',
    'field:ticketTypeUuids',
    'field:linkedAccountUuid',
    'member:schema',
  ],
  trips: [{ check: 'inferredFieldsPresent', in: { scenario: 'organization-state' } }],
  install: () => ({
    inventory: (inv) => Object.fromEntries(Object.entries(inv).filter(([name]) => !INFERRED_FIELDS.includes(name))),
  }),
});
