import { defineFault } from './types.ts';

export default defineFault({
  name: 'update-ignores-name',
  description: 'an update answers success but keeps the old name',
  touches: ['field:name', 'field:lastOpDate'],
  trips: [
    { check: 'updateAppliesSentFields', in: { scenario: 'flow-collection-update' } },
    { check: 'updateAppliesSentFields', in: { derived: 'UpdateIAM2TicketFlowCollection', test: 'field it updates' } },
    { check: 'updateAppliesSentFields', in: { property: 'lifecycleMatchesModel' } },
    { check: 'updateAppliesSentFields', in: { property: 'validInputsApplied' } },
  ],
  install: () => ({
    applied: (rec, { call, before }) => {
      if (call.api.effect?.kind !== 'update' || !before) return rec;
      if (Object.hasOwn(before, 'name')) rec.inv.name = before.name;
      else delete rec.inv.name;
      return rec;
    },
  }),
});
