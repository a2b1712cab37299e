import { defineFault } from './types.ts';

export default defineFault({
  name: 'missing-uuid',
  description: 'inventories are sent without their "uuid"',
  touches: ['field:uuid'],
  trips: [{ check: 'replyMatchesSchema', in: { scenario: 'organization-state' } }],
  install: () => ({
    // the login's SessionInventory keeps its uuid (otherwise no call could follow the login)
    inventory: (inv, { schemaName }) => {
      if (schemaName === 'SessionInventory') return inv;
      const { uuid: _dropped, ...rest } = inv;
      return rest;
    },
  }),
});
