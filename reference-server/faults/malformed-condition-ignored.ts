import { defineFault } from './types.ts';

export default defineFault({
  name: 'malformed-condition-ignored',
  description: 'a query condition without an operator or a field is dropped instead of refused with 400',
  touches: ['request:malformed-query'],
  trips: [{ check: 'restLayerRejection', in: { property: 'malformedQueriesRefused' } }],
  install: () => ({ conditionError: () => undefined }),
});
