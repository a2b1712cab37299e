import { NOT_APPLICABLE, type Check } from './types.ts';
import { queryRefused } from './queryReturnsMatchingRows.ts';
import { sameJson } from './support/canonical-json.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const queryByUuidAgrees: Check = {
  name: 'queryByUuidAgrees',
  severity: 'required',
  rule: 'GET .../{uuid} MUST answer what the query q=uuid=<uuid> answers: that one inventory, or an empty list for a uuid that names nothing.',
  source: 'docs/zstack-protocol.md#query-parameters',
  run(o) {
    if (o.expect.kind !== 'query' || !o.expect.expected.sameAs) return NOT_APPLICABLE;
    if (o.exchange.final.status !== 200) return [queryRefused(this, o)];
    const got = body(o)?.['inventories'];
    if (sameJson(got, o.expect.expected.sameAs)) return [];
    return [
      violation(this, o, 'GET by uuid differs from q=uuid=', show(got, 240), show(o.expect.expected.sameAs, 240)),
    ];
  },
};
