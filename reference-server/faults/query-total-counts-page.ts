import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-total-counts-page',
  description: 'count=true and replyWithCount=true give the size of the page instead of all matches',
  touches: ['request:query'],
  trips: [
    { check: 'queryCountsTotal', in: { property: 'queryPagesCoverSortedList' } },
    { check: 'queryCountsTotal', in: { property: 'queryTimestampsCompareAsDates' } },
  ],
  install: () => ({ queryTotal: (_total, { pageSize }) => pageSize }),
});
