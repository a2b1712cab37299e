import { NOT_APPLICABLE, type Check } from './types.ts';
import { show, violation } from './support/violation.ts';

// Advisory: real ZStack itself answers a wrongly-shaped List/String parameter or a non-object body with
// Gson's 500 (docs/zstack-protocol.md#wrong-json-types), so a 500 there is conformant, but a client cannot tell it from
// a crash.
export const wrongShapeRefusedWith400: Check = {
  name: 'wrongShapeRefusedWith400',
  severity: 'advisory',
  rule: "A request the REST layer refuses for its JSON shape SHOULD be answered 400; 500 (as real ZStack answers Gson's errors) is tolerated and reported.",
  source: "docs/zstack-protocol.md#wrong-json-types (Gson's exception gives 500 with the exception text)",
  run(o) {
    if (o.expect.kind !== 'rest-rejection' || !o.expect.statuses.includes(500)) return NOT_APPLICABLE;
    const first = o.exchange.hops[0].response;
    if (first.status !== 500) return [];
    return [
      violation(this, o, `${o.expect.why} answered 500`, `HTTP 500 ${show(first.text, 120)}`, 'HTTP 400 (plain text)'),
    ];
  },
};
