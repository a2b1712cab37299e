import { defineFault } from './types.ts';

export default defineFault({
  name: 'boolean-not-verified',
  description: 'a Boolean parameter with a non-boolean value is accepted (stored as false)',
  touches: ['request:wrong-type'],
  install: () => ({ wrongTypeParam: (verdict, { spec }) => (spec.type === 'boolean' ? { take: false } : verdict) }),
});
