import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-uuid-path-ignored',
  description: 'GET .../{uuid} ignores the uuid and answers every resource',
  touches: ['request:query'],
  trips: [{ check: 'queryByUuidAgrees', in: { property: 'queryFieldsAndUuidPath' } }],
  install: () => ({ queryPathUuid: () => undefined }),
});
