import { defineFault } from './types.ts';

export default defineFault({
  name: 'unknown-path-400',
  description: 'a path no API is mapped to answers 400 instead of 404',
  touches: ['request:unknown-path'],
  trips: [{ check: 'unknownPathIs404', in: { scenario: 'status-codes' } }],
  install: () => ({ routeRejection: (status, { kind }) => (kind === 'none' ? 400 : status) }),
});
