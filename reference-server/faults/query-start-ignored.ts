import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-start-ignored',
  description: 'start is ignored: every page is the first one',
  touches: ['request:query'],
  trips: [{ check: 'queryReturnsMatchingRows', in: { property: 'queryPagesCoverSortedList' } }],
  install: () => ({ queryPage: ({ limit }) => ({ start: 0, limit }) }),
});
