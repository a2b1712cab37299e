import { defineFault } from './types.ts';

export default defineFault({
  name: 'job-location-off-path',
  description: 'the job location does not contain /zstack/v1/api-jobs/',
  touches: ['job-location'],
  trips: [{ check: 'asyncAcceptedWithLocation', in: { scenario: 'organization-state' } }],
  // still pollable there, but not where the SDK looks
  install: () => ({ jobPath: () => '/zstack/v1/async-results/' }),
});
