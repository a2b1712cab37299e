import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// Only the status is demanded: the body of a REST-layer error is plain text on real ZStack.
export const unknownPathIs404: Check = {
  name: 'unknownPathIs404',
  severity: 'required',
  rule: 'A request to a path no API is mapped to MUST answer 404 at once.',
  source: 'docs/zstack-protocol.md#http-status-codes',
  run(o) {
    if (o.expect.kind !== 'unknown-path') return NOT_APPLICABLE;
    const first = firstResponse(o);
    if (first.status === 404 && o.exchange.hops.length === 1) return [];
    return [
      violation(
        this,
        o,
        'an unknown API path does not answer 404',
        `HTTP ${first.status} ${show(first.text, 120)}`,
        'HTTP 404 (plain text), no job',
      ),
    ];
  },
};
