import { defineFault } from './types.ts';

export default defineFault({
  name: 'unknown-job-pending',
  description: 'a job address that names no job answers 202 {} (pending) instead of 404',
  touches: ['request:unknown-job'],
  trips: [{ check: 'unknownJobIs404', in: { scenario: 'jobs' } }],
  install: () => ({ unknownJobReply: () => ({ status: 202, text: '{}' }) }),
});
