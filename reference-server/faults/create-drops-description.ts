import { defineFault } from './types.ts';

export default defineFault({
  name: 'create-drops-description',
  description: 'a create succeeds but does not store the description it was sent',
  touches: ['field:description'],
  install: () => ({
    applied: (rec, { call, before }) => {
      if (call.api.effect?.kind === 'create' && !before) delete rec.inv.description;
      return rec;
    },
  }),
});
