import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-negation-matches-null',
  description: '!=, !?= and !~= also match rows whose field is NULL',
  touches: ['request:query'],
  trips: [{ check: 'queryReturnsMatchingRows', in: { property: 'queryConditionsMatchOracle' } }],
  install: () => ({ nullMatches: (matches, { op }) => matches || ['!=', '!?=', '!~='].includes(op) }),
});
