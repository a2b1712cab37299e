import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-sort-ignored',
  description: 'sort=+f / -f is ignored (rows come in uuid order)',
  touches: ['request:query'],
  trips: [{ check: 'querySortedAsAsked', in: { property: 'querySortOrdersAnswer' } }],
  install: () => ({ querySort: () => undefined }),
});
