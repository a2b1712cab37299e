import { defineFault } from './types.ts';

export default defineFault({
  name: 'no-schema-map',
  description: 'query replies carry no "schema" map',
  touches: ['member:schema'],
  trips: [{ check: 'querySchemaMapForSdk', in: { scenario: 'organization-state' } }],
  install: () => ({
    queryReply: (body) => {
      const { schema: _dropped, ...rest } = body;
      return rest;
    },
  }),
});
