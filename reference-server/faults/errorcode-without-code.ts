import { defineFault } from './types.ts';

export default defineFault({
  name: 'errorcode-without-code',
  description: 'a failed job\'s ErrorCode has no "code"',
  touches: ['failed-replies'],
  trips: [
    { check: 'errorCodeOnFailure', in: { scenario: 'organization-rejections' } },
    { check: 'errorCodeOnFailure', in: { derived: 'CreateIAM2Organization', test: 'refuses bad input' } },
  ],
  install: () => ({
    reply: (r, { outcome, job }) => {
      if (!job || outcome.ok) return r;
      const { code: _dropped, ...error } = r.body.error as Record<string, unknown>;
      return { ...r, body: { ...r.body, error } };
    },
  }),
});
