import { defineFault } from './types.ts';

export default defineFault({
  name: 'error-on-success',
  description: 'a successful job result also carries an "error" ErrorCode',
  touches: ['member:error'],
  trips: [
    { check: 'nullErrorOnSuccess', in: { scenario: 'organization-state' } },
    { check: 'nullErrorOnSuccess', in: { derived: 'ChangeIAM2OrganizationState', test: 'state event' } },
  ],
  install: () => ({
    reply: (r, { outcome, job }) => {
      if (!job || !outcome.ok) return r;
      return {
        ...r,
        body: {
          ...r.body,
          error: {
            code: 'SYS.1000',
            description: 'An internal error happened in system',
            details: 'fault error-on-success',
          },
        },
      };
    },
  }),
});
