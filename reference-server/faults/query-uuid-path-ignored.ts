import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-uuid-path-ignored',
  description: 'GET .../{uuid} ignores the uuid and answers every resource',
  touches: ['request:query'],
  install: () => ({ queryPathUuid: () => undefined }),
});
