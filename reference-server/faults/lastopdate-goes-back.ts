import { defineFault } from './types.ts';

export default defineFault({
  name: 'lastopdate-goes-back',
  description: 'a change sets lastOpDate one hour earlier than before',
  touches: ['field:lastOpDate'],
  trips: [
    { check: 'lastOpDateNotEarlier', in: { scenario: 'organization-state' } },
    { check: 'lastOpDateNotEarlier', in: { property: 'validInputsApplied' } },
  ],
  install: () => ({
    stamped: (rec, { now, previous }) => {
      rec.inv.lastOpDate = (typeof previous === 'number' ? previous : now) - 3600_000;
      return rec;
    },
  }),
});
