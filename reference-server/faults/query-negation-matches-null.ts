import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-negation-matches-null',
  description: '!=, !?= and !~= also match rows whose field is NULL',
  touches: ['request:query'],
  install: () => ({ nullMatches: (matches, { op }) => matches || ['!=', '!?=', '!~='].includes(op) }),
});
