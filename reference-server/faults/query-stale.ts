import type { Inventory, StoredResource } from '../store.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-stale',
  description: 'queries return the inventory as it was before the last update or state change',
  touches: ['request:query'],
  trips: [
    { check: 'queryAgreesWithReply', in: { scenario: 'organization-state' } },
    { check: 'queryShowsLastInventory', in: { scenario: 'organization-state' } },
    { check: 'queryAgreesWithReply', in: { property: 'lifecycleMatchesModel' } },
  ],
  install: () => {
    const previous = new WeakMap<StoredResource, Inventory>();
    return {
      applied: (rec, { before }) => {
        if (before) previous.set(rec, before);
        return rec;
      },
      queryView: (inv, { rec }) => previous.get(rec) ?? inv,
    };
  },
});
