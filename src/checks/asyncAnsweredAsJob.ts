import { NOT_APPLICABLE, type Check } from './types.ts';
import { violation } from './support/violation.ts';

// Advisory: real ZStack runs every non-GET API but login as a job, but the official SDK also accepts a
// direct 200 (it only polls on 202), so a server that answers synchronously still works with it.
export const asyncAnsweredAsJob: Check = {
  name: 'asyncAnsweredAsJob',
  severity: 'advisory',
  rule: 'An API documented as asynchronous SHOULD answer 202 and finish through its job.',
  source: 'docs/zstack-protocol.md#sync-and-async-jobs (every non-GET API except login is asynchronous)',
  run(o) {
    if (!o.api.async || o.exchange.hops.length !== 1 || o.exchange.final.status !== 200) return NOT_APPLICABLE;
    return [
      violation(
        this,
        o,
        'asynchronous API answered directly',
        `HTTP 200 on the call itself`,
        'HTTP 202 + location, result from the job',
      ),
    ];
  },
};
