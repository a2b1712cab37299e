import { isGenericQueryName, SWEEP_FAULT_API } from './sweep-target.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'sweep-fields-ignored',
  description: 'fields=... is ignored by generic queries: their inventories come whole',
  touches: ['request:generic-query'],
  trips: [{ check: 'queryFieldsSelected', in: { sweep: SWEEP_FAULT_API } }],
  install: (ctx) => ({
    queryFields: (fields, { api }) => (isGenericQueryName(ctx.contracts, api) ? undefined : fields),
  }),
});
