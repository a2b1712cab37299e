import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-case-sensitive',
  description: 'query conditions and sorting compare strings case- and accent-sensitively (binary collation)',
  touches: ['request:query'],
  trips: [{ check: 'queryReturnsMatchingRows', in: { property: 'queryConditionsMatchOracle' } }],
  install: () => ({ queryTextKey: (_key, { text, padSpace }) => (padSpace ? text.replace(/ +$/, '') : text) }),
});
