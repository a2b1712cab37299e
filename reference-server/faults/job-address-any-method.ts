import { defineFault } from './types.ts';

export default defineFault({
  name: 'job-address-any-method',
  description: 'a job address answers POST, PUT and DELETE like GET instead of 405',
  touches: ['request:job-wrong-method'],
  trips: [{ check: 'jobAddressGetOnly', in: { scenario: 'jobs' } }],
  install: () => ({ jobMethodAllowed: () => true }),
});
