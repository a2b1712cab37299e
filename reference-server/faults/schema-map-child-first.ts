import { defineFault } from './types.ts';

export default defineFault({
  name: 'schema-map-child-first',
  description: 'the "schema" map lists child paths before their parents',
  touches: ['member:schema'],
  trips: [{ check: 'querySchemaMapForSdk', in: { scenario: 'organization-state' } }],
  install: () => ({ schemaMapEntries: (entries) => [...entries].reverse() }),
});
