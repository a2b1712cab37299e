import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// A client polling an address that names no job must learn so at once, not wait for a job that never ends.
export const unknownJobIs404: Check = {
  name: 'unknownJobIs404',
  severity: 'required',
  rule: 'A GET of a job address the server never issued (or that expired) MUST answer 404.',
  source: 'docs/zstack-protocol.md#sync-and-async-jobs',
  run(o) {
    if (o.expect.kind !== 'unknown-job') return NOT_APPLICABLE;
    const first = firstResponse(o);
    if (first.status === 404) return [];
    return [
      violation(
        this,
        o,
        'an unknown job address does not answer 404',
        `HTTP ${first.status} ${show(first.text, 120)}`,
        'HTTP 404 (plain text)',
      ),
    ];
  },
};
