import { defineFault } from './types.ts';

export default defineFault({
  name: 'update-clears-unsent',
  description: 'an update removes the description when it is not sent',
  touches: ['field:description'],
  install: () => ({
    applied: (rec, { call }) => {
      if (call.api.effect?.kind === 'update' && call.params.description === undefined) delete rec.inv.description;
      return rec;
    },
  }),
});
