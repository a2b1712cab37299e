import { isGenericQueryName, SWEEP_FAULT_API } from './sweep-target.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'schema-map-names-sdk-class',
  description:
    'the "schema" map of generic queries names the SDK class (org.zstack.sdk...) instead of the server class',
  touches: ['request:generic-query'],
  trips: [{ check: 'querySchemaMapForSdk', in: { sweep: SWEEP_FAULT_API } }],
  install: (ctx) => ({
    schemaMapEntries: (entries, { api }) =>
      isGenericQueryName(ctx.contracts, api)
        ? entries.map(([path, cls]) => [path, ctx.contracts.classMap.get(cls) ?? cls])
        : entries,
  }),
});
