import { defineFault } from './types.ts';

export default defineFault({
  name: 'job-uuid-ignored',
  description: "an async call runs as a job of the server's own id, not the X-Job-UUID it was sent",
  // a repeated id is no longer an existing job's id
  touches: ['job-location', 'request:bad-job-uuid'],
  trips: [{ check: 'jobUuidHonoured', in: { scenario: 'jobs' } }],
  // the requested id reversed: another id, and no uuid drawn (a seeded run stays comparable)
  install: () => ({ jobId: (id, { requested }) => (requested === undefined ? id : [...requested].reverse().join('')) }),
});
