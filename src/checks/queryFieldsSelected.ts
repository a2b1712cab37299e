import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { queryRefused } from './queryReturnsMatchingRows.ts';
import { canonical } from './support/canonical-json.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const queryFieldsSelected: Check = {
  name: 'queryFieldsSelected',
  severity: 'required',
  rule: 'fields=a,b MUST return each inventory with only those fields (null ones omitted), their values as the full inventory has them.',
  source: 'docs/zstack-protocol.md#query-parameters',
  run(o) {
    if (o.expect.kind !== 'query' || !o.expect.expected.fields) return NOT_APPLICABLE;
    if (o.exchange.final.status !== 200) return [queryRefused(this, o)];
    const { names, projected } = o.expect.expected.fields;
    const list = body(o)?.['inventories'];
    if (!Array.isArray(list))
      return [violation(this, o, 'fields query without inventories', show(body(o), 200), '{"inventories": [...]}')];
    const out = [];
    const extra = [
      ...new Set(list.flatMap((i) => (isObject(i) ? Object.keys(i) : [])).filter((k) => !names.includes(k))),
    ];
    if (extra.length)
      out.push(
        violation(
          this,
          o,
          `fields=${names.join(',')} returned other fields too`,
          extra.join(', '),
          `only ${names.join(', ')}`,
        ),
      );
    if (!projected) return out;
    const key = (v: unknown) => JSON.stringify(canonical(v));
    const want = projected.map(key).sort();
    const got = list
      .map((i) => (isObject(i) ? Object.fromEntries(Object.entries(i).filter(([k]) => names.includes(k))) : i))
      .map(key)
      .sort();
    if (want.join('\n') !== got.join('\n'))
      out.push(
        violation(
          this,
          o,
          `fields=${names.join(',')} values differ from the full inventories`,
          show(got.slice(0, 3)),
          show(want.slice(0, 3)),
        ),
      );
    return out;
  },
};
