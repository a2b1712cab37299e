import { defineFault } from './types.ts';

export default defineFault({
  name: 'job-uuid-unchecked',
  description: 'an X-Job-UUID of the wrong length or repeating an existing job is accepted (the call runs)',
  touches: ['request:bad-job-uuid'],
  trips: [{ check: 'badJobUuidRefused', in: { scenario: 'jobs' } }],
  install: () => ({ jobUuidError: () => undefined }),
});
