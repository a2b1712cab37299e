import { NOT_APPLICABLE, type Check } from './types.ts';
import { show, violation } from './support/violation.ts';

export const rejectedCreateLeavesNothing: Check = {
  name: 'rejectedCreateLeavesNothing',
  severity: 'required',
  rule: 'A create the server refuses (REST layer, session, job id or validation) MUST NOT create the resource: a query by its unique name finds nothing.',
  source: 'docs/zstack-protocol.md#sessions; docs/zstack-protocol.md#results-and-errorcode',
  run(o) {
    if (o.api.kind !== 'create' || o.expect.kind === 'success' || o.after === undefined) return NOT_APPLICABLE;
    if (o.after === null) return [];
    return [
      violation(
        this,
        o,
        'a refused create left a resource behind',
        `HTTP ${o.exchange.final.status}, yet a query finds ${show(o.after['uuid'])} named ${show(o.after['name'], 80)}`,
        'no resource',
      ),
    ];
  },
};
