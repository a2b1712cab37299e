import { defineFault } from './types.ts';

export default defineFault({
  name: 'state-event-renames',
  description: 'a stateEvent also changes the resource name',
  touches: ['field:name', 'field:lastOpDate'],
  trips: [
    { check: 'unchangedFieldsKept', in: { scenario: 'organization-state' } },
    { check: 'unchangedFieldsKept', in: { property: 'validInputsApplied' } },
  ],
  install: () => ({
    applied: (rec, { call }) => {
      if (call.api.effect?.kind === 'stateEvent') rec.inv.name = `${String(rec.inv.name)} (renamed)`;
      return rec;
    },
  }),
});
