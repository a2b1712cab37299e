import { defineFault } from './types.ts';

export default defineFault({
  name: 'create-drops-description',
  description: 'a create succeeds but does not store the description it was sent',
  touches: ['field:description'],
  trips: [
    { check: 'createAppliesSentFields', in: { scenario: 'organization-state' } },
    { check: 'createAppliesSentFields', in: { derived: 'CreateIAM2Organization', test: 'creates' } },
  ],
  install: () => ({
    applied: (rec, { call, before }) => {
      if (call.api.effect?.kind === 'create' && !before) delete rec.inv.description;
      return rec;
    },
  }),
});
