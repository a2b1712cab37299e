import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-timestamps-as-text',
  description:
    'conditions on timestamps compare the value as text with `YYYY-MM-DD HH:MM:SS`, not as a date (wrong for the T and digits-only spellings and for non-dates)',
  touches: ['request:query'],
  trips: [{ check: 'queryReturnsMatchingRows', in: { property: 'queryTimestampsCompareAsDates' } }],
  install: () => ({ queryTimestampKey: (_key, { sqlText }) => sqlText }),
});
