import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// The session is checked behind the REST layer, so an async API accepts the call and its job fails; the official
// SDK parses an ErrorCode only from a job's 503 (a direct non-2xx answer becomes its own sdk.1000 error).
export const invalidSessionThroughJob: Check = {
  name: 'invalidSessionThroughJob',
  severity: 'required',
  rule: 'An unknown or logged-out session MUST be refused through the job for async APIs (202, then 503 when polled) and at once with 503 for queries.',
  source: 'docs/zstack-protocol.md#sessions',
  run(o) {
    if (o.expect.kind !== 'invalid-session') return NOT_APPLICABLE;
    const first = firstResponse(o);
    if (o.api.async) {
      if (first.status === 202) return [];
      return [
        violation(
          this,
          o,
          'an invalid session is not refused through the job',
          `HTTP ${first.status} on the call ${show(first.text, 120)}`,
          'HTTP 202 + location, then 503 ID.1001 from the job',
        ),
      ];
    }
    if (first.status === 503 && o.exchange.hops.length === 1) return [];
    return [
      violation(
        this,
        o,
        'a query with an invalid session is not refused at once',
        `HTTP ${first.status}${o.exchange.hops.length > 1 ? ' then a job' : ''}`,
        'HTTP 503 ID.1001 at once',
      ),
    ];
  },
};
