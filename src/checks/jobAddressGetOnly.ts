import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const jobAddressGetOnly: Check = {
  name: 'jobAddressGetOnly',
  severity: 'required',
  rule: 'Any method but GET on a job address MUST answer 405.',
  source: 'docs/zstack-protocol.md#sync-and-async-jobs',
  run(o) {
    if (o.expect.kind !== 'job-wrong-method') return NOT_APPLICABLE;
    const first = firstResponse(o);
    if (first.status === 405) return [];
    const method = o.exchange.hops[0].request.method;
    return [
      violation(
        this,
        o,
        `${method} on a job address is not refused with 405`,
        `HTTP ${first.status} ${show(first.text, 120)}`,
        'HTTP 405',
      ),
    ];
  },
};
