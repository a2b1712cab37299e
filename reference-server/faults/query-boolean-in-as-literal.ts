import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-boolean-in-as-literal',
  description:
    '?= and !?= on a boolean read true/false as literals (isDefault?=true finds the true rows, not the false ones)',
  touches: ['request:query'],
  trips: [{ check: 'queryReturnsMatchingRows', in: { property: 'queryBooleansAsHqlLiterals' } }],
  install: () => ({ queryBooleanQuoted: () => false }),
});
