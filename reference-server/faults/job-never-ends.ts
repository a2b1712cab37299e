import { defineFault } from './types.ts';

export default defineFault({
  name: 'job-never-ends',
  description: 'jobs stay pending (202) forever',
  touches: ['job-result'],
  trips: [{ check: 'jobSettles', in: { scenario: 'organization-state' } }],
  install: () => ({ jobReadyAt: () => Number.POSITIVE_INFINITY }),
});
