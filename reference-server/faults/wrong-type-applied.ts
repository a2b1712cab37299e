import { defineFault } from './types.ts';

export default defineFault({
  name: 'wrong-type-applied',
  description: 'a String parameter given an object is accepted and stored as its JSON text',
  touches: ['request:wrong-type'],
  trips: [
    { check: 'restLayerRejection', in: { scenario: 'flow-collection-rejections' } },
    { check: 'restLayerRejection', in: { property: 'invalidInputsRejected' } },
  ],
  install: () => ({
    wrongTypeParam: (verdict, { spec, value }) =>
      spec.type === 'string' || spec.type === 'uuid' ? { take: JSON.stringify(value) } : verdict,
  }),
});
