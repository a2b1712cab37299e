import { defineFault } from './types.ts';

export default defineFault({
  name: 'bad-session-accepted',
  description: 'an unknown session id is accepted as if valid',
  touches: ['request:unknown-session'],
  install: () => ({ sessionValid: () => true }),
});
