import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const noSuccessClaimOnFailure: Check = {
  name: 'noSuccessClaimOnFailure',
  severity: 'required',
  rule: 'An answer carrying an error MUST NOT also carry an inventory or inventories.',
  source: 'docs/zstack-protocol.md#results-and-errorcode (failure: {"error": ...} with no inventory, HTTP 503)',
  run(o) {
    const b = body(o);
    if (!b || b['error'] === undefined || b['error'] === null) return NOT_APPLICABLE;
    const claims = ['inventory', 'inventories'].filter((k) => b[k] !== undefined && b[k] !== null);
    if (claims.length === 0) return [];
    return [
      violation(
        this,
        o,
        'failure also claims a result',
        `HTTP ${o.exchange.final.status}: error=${show(b['error'], 120)} plus ${claims.join(', ')}`,
        'only "error"',
      ),
    ];
  },
};
