import { defineFault } from './types.ts';

export default defineFault({
  name: 'query-fields-ignored',
  description: 'fields=... is ignored: inventories come whole',
  touches: ['request:query'],
  trips: [{ check: 'queryFieldsSelected', in: { property: 'queryFieldsAndUuidPath' } }],
  install: () => ({ queryFields: () => undefined }),
});
