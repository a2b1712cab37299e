import { defineFault } from './types.ts';

export default defineFault({
  name: 'wrong-method-404',
  description: 'a known path called with a method it does not take answers 404 (as if no API lived there)',
  touches: ['request:wrong-method'],
  trips: [{ check: 'wrongMethodRefused', in: { scenario: 'status-codes' } }],
  install: () => ({ routeRejection: (status, { kind }) => (kind === 'method' ? 404 : status) }),
});
