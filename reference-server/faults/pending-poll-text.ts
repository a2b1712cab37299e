import { defineFault } from './types.ts';

export default defineFault({
  name: 'pending-poll-text',
  description: 'jobs stay pending for 300 ms and a pending poll answers plain text instead of {} or the location',
  touches: ['job-result'],
  trips: [{ check: 'pendingPollBody', in: { scenario: 'jobs' } }],
  install: () => ({
    jobReadyAt: (readyAt) => readyAt + 300,
    pendingBody: () => 'the job is still running',
  }),
});
