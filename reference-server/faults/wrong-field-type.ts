import { defineFault } from './types.ts';

export default defineFault({
  name: 'wrong-field-type',
  description: 'flow collections send isDefault as the string "false"/"true" instead of a boolean',
  touches: ['field:isDefault'],
  trips: [
    { check: 'replyMatchesSchema', in: { scenario: 'flow-collection-update' } },
    { check: 'replyMatchesSchema', in: { property: 'validInputsApplied' } },
  ],
  install: () => ({
    inventory: (inv, { schemaName }) =>
      schemaName === 'TicketFlowCollectionInventory' && typeof inv.isDefault === 'boolean'
        ? { ...inv, isDefault: String(inv.isDefault) }
        : inv,
  }),
});
