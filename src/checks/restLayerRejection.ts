import { NOT_APPLICABLE, type Check } from './types.ts';
import { violation } from './support/violation.ts';

// REST-layer rejections are plain text on real ZStack: only the status is demanded, never a JSON body
// (docs/zstack-protocol.md#http-status-codes). A 500 where ZStack itself answers 500 (Gson's wrong-shape error) is
// allowed.
export const restLayerRejection: Check = {
  name: 'restLayerRejection',
  severity: 'required',
  rule: 'A request the REST layer refuses (no/mis-cased action key, non-boolean Boolean, wrong JSON shape, missing or non-OAuth Authorization) MUST be answered at once with the documented status, and no job.',
  source:
    'docs/zstack-protocol.md#http-status-codes; docs/zstack-protocol.md#wrong-json-types; docs/zstack-protocol.md#action-keys; docs/zstack-protocol.md#sessions',
  run(o) {
    if (o.expect.kind !== 'rest-rejection') return NOT_APPLICABLE;
    const first = o.exchange.hops[0].response;
    if (o.expect.statuses.includes(first.status) && o.exchange.hops.length === 1) return [];
    return [
      violation(
        this,
        o,
        `${o.expect.why} not refused by the REST layer`,
        `HTTP ${first.status}${o.exchange.hops.length > 1 ? `, then the job answered ${o.exchange.final.status}` : ''}`,
        `HTTP ${o.expect.statuses.join(' or ')} at once, no job`,
      ),
    ];
  },
};
