import { NOT_APPLICABLE, type Check } from './types.ts';
import { violation } from './support/violation.ts';

export const jobSettles: Check = {
  name: 'jobSettles',
  severity: 'required',
  rule: 'A job MUST end within ZSTACK_JOB_TIMEOUT_MS, and its poll MUST answer 202 while pending, then 200 (result) or 503 (ErrorCode).',
  source:
    'docs/zstack-protocol.md#sync-and-async-jobs; docs/zstack-protocol.md#the-official-java-sdk-on-the-wire (the SDK treats any other poll status as an HTTP error)',
  run(o) {
    const x = o.exchange;
    if (x.hops[0]?.response.status !== 202 || x.unsettled === 'no-job-location') return NOT_APPLICABLE;
    if (x.unsettled === 'job-timeout') {
      return [
        violation(
          this,
          o,
          'job never finished',
          `still 202 after ${x.hops.length - 1} polls`,
          'a poll answering 200 or 503 before the deadline',
        ),
      ];
    }
    if (x.final.status === 200 || x.final.status === 503) return [];
    return [
      violation(
        this,
        o,
        'job poll answered an unexpected status',
        `HTTP ${x.final.status} ${x.final.text.slice(0, 200)}`,
        'HTTP 200 (done) or 503 (failed)',
      ),
    ];
  },
};
