import { defineFault } from './types.ts';

export default defineFault({
  name: 'failure-as-200',
  description: 'a failed job is reported with HTTP 200 (and the error body)',
  touches: ['failed-replies'],
  trips: [{ check: 'nullErrorOnSuccess', in: { scenario: 'organization-rejections' } }],
  install: () => ({ reply: (r, { outcome, job }) => (job && !outcome.ok ? { ...r, status: 200 } : r) }),
});
