import { formatProblems } from '../contract-model/schemas.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// Only API failures (HTTP 503) carry an ErrorCode. REST-layer rejections (400/404/405/500) are plain text
// on real ZStack, so nothing is demanded of their bodies here (docs/zstack-protocol.md#http-status-codes).
export const errorCodeOnFailure: Check = {
  name: 'errorCodeOnFailure',
  severity: 'required',
  rule: 'A failed API (HTTP 503) MUST answer {"error": ErrorCode} with at least code and description, its cause an ErrorCode too.',
  source:
    'docs/zstack-protocol.md#results-and-errorcode; docs/zstack-protocol.md#http-status-codes (503); API reference pages: ErrorCode',
  run(o, ctx) {
    if (o.exchange.final.status !== 503) return NOT_APPLICABLE;
    const b = body(o);
    if (!b)
      return [
        violation(
          this,
          o,
          'failure without a JSON ErrorCode',
          `HTTP 503 ${show(o.exchange.final.text)}`,
          '{"error": {"code": ..., "description": ...}}',
        ),
      ];
    const problems = ctx.schemas.validate('ErrorCode', b['error']);
    if (problems.length === 0) return [];
    return [
      violation(
        this,
        o,
        'error is not a full ErrorCode',
        `error=${show(b['error'])}: ${formatProblems(problems)}`,
        'an ErrorCode with code and description',
      ),
    ];
  },
};
