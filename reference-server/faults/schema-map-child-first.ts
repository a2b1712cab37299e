import { defineFault } from './types.ts';

export default defineFault({
  name: 'schema-map-child-first',
  description: 'the "schema" map lists child paths before their parents',
  touches: ['member:schema'],
  install: () => ({ schemaMapEntries: (entries) => [...entries].reverse() }),
});
