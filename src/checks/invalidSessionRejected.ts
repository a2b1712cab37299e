import { NOT_APPLICABLE, type Check } from './types.ts';
import { errorCodeOf } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const invalidSessionRejected: Check = {
  name: 'invalidSessionRejected',
  severity: 'required',
  rule: 'A call with an unknown or logged-out session MUST fail with ErrorCode ID.1001 (HTTP 503, through the job for async APIs), never succeed and never 401.',
  source: 'docs/zstack-protocol.md#sessions (the session is checked behind the REST layer)',
  run(o) {
    if (o.expect.kind !== 'invalid-session') return NOT_APPLICABLE;
    const code = errorCodeOf(o);
    if (o.exchange.final.status === 503 && code === 'ID.1001') return [];
    return [
      violation(
        this,
        o,
        'invalid session not rejected as ID.1001',
        `HTTP ${o.exchange.final.status} ${code ? `code ${String(code)}` : show(o.exchange.final.text, 200)}`,
        'HTTP 503 {"error": {"code": "ID.1001"}}',
      ),
    ];
  },
};
