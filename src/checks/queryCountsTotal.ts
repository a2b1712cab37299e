import { NOT_APPLICABLE, type Check } from './types.ts';
import { queryRefused } from './queryReturnsMatchingRows.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const queryCountsTotal: Check = {
  name: 'queryCountsTotal',
  severity: 'required',
  rule: 'count=true MUST answer {"total": N} with no "inventories"; replyWithCount=true MUST add "total"; N counts every match whatever start and limit.',
  source: 'docs/zstack-protocol.md#paging-and-counting',
  run(o) {
    if (o.expect.kind !== 'query') return NOT_APPLICABLE;
    const { total, counted } = o.expect.expected;
    if (total === undefined && !counted) return NOT_APPLICABLE;
    if (o.exchange.final.status !== 200) return [queryRefused(this, o)];
    const b = body(o);
    const out = [];
    const rows = Array.isArray(b?.['inventories']) ? b['inventories'].length : 0;
    const t = b?.['total'];
    if (counted && !(typeof t === 'number' && Number.isInteger(t) && t >= rows))
      out.push(
        violation(
          this,
          o,
          `${o.expect.why}: replyWithCount=true without a total`,
          `total=${show(t)}`,
          `a whole number, at least the ${rows} row(s) listed`,
        ),
      );
    if (total !== undefined && t !== total)
      out.push(
        violation(
          this,
          o,
          `${o.expect.why}: wrong total`,
          `total=${show(b?.['total'])}`,
          `total=${o.expect.expected.total}`,
        ),
      );
    if (o.expect.expected.countOnly && b && 'inventories' in b)
      out.push(
        violation(
          this,
          o,
          'count=true also lists inventories',
          `inventories=${show(b['inventories'], 120)}`,
          'no "inventories" key',
        ),
      );
    return out;
  },
};
