import { defineFault } from './types.ts';

export default defineFault({
  name: 'no-inventory-on-success',
  description: 'a successful create/action/login result has no "inventory"',
  touches: ['member:inventory'],
  trips: [{ check: 'inventoryOnSuccess', in: { scenario: 'organization-state' } }],
  install: () => ({
    // the login keeps its inventory, so that a session exists for the calls the fault is meant to break
    outcome: (o, { call }) => (o.ok && o.inventory && call.api.kind !== 'login' ? { ok: true, api: o.api } : o),
  }),
});
