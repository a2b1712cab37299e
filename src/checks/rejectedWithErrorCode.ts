import { NOT_APPLICABLE, type Check } from './types.ts';
import { errorCodeOf } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// Only the code is compared: descriptions and details are free text that varies by version and locale
// (Kubernetes conformance rules out asserting optional message text for the same reason).
export const rejectedWithErrorCode: Check = {
  name: 'rejectedWithErrorCode',
  severity: 'required',
  rule: 'An input the API rejects (missing or disallowed value, over-long string: SYS.1007; unknown uuid: SYS.1003) MUST fail with HTTP 503 and that ErrorCode, never succeed.',
  source:
    'docs/zstack-protocol.md#results-and-errorcode; docs/zstack-protocol.md#http-status-codes (validators run behind the REST layer, so the job fails); docs/zstack-protocol.md#unknown-resources-and-repeated-deletes',
  run(o) {
    if (o.expect.kind !== 'api-rejection') return NOT_APPLICABLE;
    const code = errorCodeOf(o);
    if (o.exchange.final.status === 503 && code === o.expect.code) return [];
    return [
      violation(
        this,
        o,
        `${o.expect.why} not rejected with ${o.expect.code}`,
        `HTTP ${o.exchange.final.status} ${code !== undefined ? `code ${String(code)}` : show(o.exchange.final.text, 200)}`,
        `HTTP 503 {"error": {"code": "${o.expect.code}"}}`,
      ),
    ];
  },
};
