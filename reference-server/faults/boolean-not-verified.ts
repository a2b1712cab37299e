import { defineFault } from './types.ts';

export default defineFault({
  name: 'boolean-not-verified',
  description: 'a Boolean parameter with a non-boolean value is accepted (stored as false)',
  touches: ['request:wrong-type'],
  trips: [
    { check: 'restLayerRejection', in: { scenario: 'flow-collection-rejections' } },
    { check: 'restLayerRejection', in: { derived: 'UpdateIAM2TicketFlowCollection', test: 'refuses bad input' } },
    { check: 'restLayerRejection', in: { property: 'invalidInputsRejected' } },
  ],
  install: () => ({ wrongTypeParam: (verdict, { spec }) => (spec.type === 'boolean' ? { take: false } : verdict) }),
});
