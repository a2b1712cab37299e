import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-case-sensitive',
  description: 'query conditions and sorting compare strings case- and accent-sensitively (binary collation)',
  touches: ['request:query'],
  install: () => ({ queryTextKey: (_key, { text, padSpace }) => (padSpace ? text.replace(/ +$/, '') : text) }),
});
