import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-unknown-field-ignored',
  description: 'a query condition on a field the inventory does not have is dropped instead of failing with SYS.1000',
  touches: ['request:malformed-query'],
  trips: [{ check: 'rejectedWithErrorCode', in: { property: 'malformedQueriesRefused' } }],
  install: () => ({ unknownFieldFails: () => false }),
});
