import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// `expect: success` is what the caller states for a call that a real ZStack accepts: valid parameters, a live
// resource, a valid session (the property generators only label a case success when ZStack accepts it).
export const validInputAccepted: Check = {
  name: 'validInputAccepted',
  severity: 'required',
  rule: 'A call with valid parameters on a live resource and a valid session MUST succeed (HTTP 200, through the job for async APIs), never be refused.',
  source:
    'docs/zstack-protocol.md#the-api-family (the documented parameters); docs/zstack-protocol.md#string-trimming; docs/zstack-protocol.md#wrong-json-types (what ZStack accepts)',
  run(o) {
    if (o.expect.kind !== 'success' || o.exchange.unsettled !== undefined) return NOT_APPLICABLE; // jobSettles reports unsettled jobs
    if (o.exchange.final.status === 200) return [];
    const err = body(o)?.['error'];
    return [
      violation(
        this,
        o,
        'valid input refused',
        `HTTP ${o.exchange.final.status} ${show(err ?? o.exchange.final.text, 200)}`,
        'HTTP 200 with the result',
      ),
    ];
  },
};
