import { defineFault } from './types.ts';

export default defineFault({
  name: 'update-clears-unsent',
  description: 'an update removes the description when it is not sent',
  touches: ['field:description'],
  trips: [
    { check: 'unchangedFieldsKept', in: { scenario: 'flow-collection-update' } },
    { check: 'unchangedFieldsKept', in: { derived: 'UpdateIAM2TicketFlowCollection', test: 'field it updates' } },
    { check: 'unchangedFieldsKept', in: { property: 'lifecycleMatchesModel' } },
  ],
  install: () => ({
    applied: (rec, { call }) => {
      if (call.api.effect?.kind === 'update' && call.params.description === undefined) delete rec.inv.description;
      return rec;
    },
  }),
});
