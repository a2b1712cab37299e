import { defineFault } from './types.ts';

export default defineFault({
  name: 'createdate-rewritten',
  description: 'a change rewrites createDate to the time of the change',
  touches: ['field:createDate'],
  trips: [{ check: 'unchangedFieldsKept', in: { scenario: 'organization-state' } }],
  install: () => ({
    stamped: (rec, { now }) => {
      rec.inv.createDate = now;
      return rec;
    },
  }),
});
