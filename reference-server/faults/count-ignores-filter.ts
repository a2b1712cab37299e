import { isGenericQueryName, SWEEP_FAULT_API } from './sweep-target.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'count-ignores-filter',
  description:
    'count=true (and replyWithCount) of generic queries answers the size of the whole table, whatever q says',
  touches: ['request:generic-query'],
  trips: [{ check: 'queryCountsTotal', in: { sweep: SWEEP_FAULT_API } }],
  install: (ctx) => ({
    queryTotal: (total, { api, tableSize }) => (isGenericQueryName(ctx.contracts, api) ? tableSize : total),
  }),
});
