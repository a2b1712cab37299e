import { defineFault } from './types.ts';

export default defineFault({
  name: 'bad-session-accepted',
  description: 'an unknown session id is accepted as if valid',
  touches: ['request:unknown-session'],
  trips: [
    { check: 'invalidSessionRejected', in: { scenario: 'session' } },
    { check: 'invalidSessionRejected', in: { derived: 'ChangeIAM2OrganizationState', test: 'refuses bad input' } },
    { check: 'invalidSessionRejected', in: { property: 'invalidInputsRejected' } },
  ],
  install: () => ({ sessionValid: () => true }),
});
