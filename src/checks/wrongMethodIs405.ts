import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse, show, violation } from './support.ts';

export const wrongMethodIs405: Check = {
  name: 'wrongMethodIs405',
  severity: 'required',
  rule: 'A known API path called with a method it does not take MUST answer 405 at once (not 404, and no job).',
  source: 'docs/zstack-protocol.md#http-status-codes',
  run(o) {
    if (o.expect.kind !== 'wrong-method') return NOT_APPLICABLE;
    const first = firstResponse(o);
    if (first.status === 405 && o.exchange.hops.length === 1) return [];
    const method = o.exchange.hops[0].request.method;
    return [violation(this, o, `${method} on a path that does not take it is not refused with 405`, `HTTP ${first.status} ${show(first.text, 120)}`, 'HTTP 405, no job')];
  },
};
