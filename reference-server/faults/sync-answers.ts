import { defineFault } from './types.ts';

export default defineFault({
  name: 'sync-answers',
  description: 'asynchronous APIs answer their result directly with 200 instead of 202 + job',
  // with no job there is no X-Job-UUID to check
  touches: ['async-reply', 'request:bad-job-uuid'],
  trips: [{ check: 'asyncAnsweredAsJob', in: { scenario: 'organization-state' } }],
  install: () => ({ answersAsync: () => false }),
});
