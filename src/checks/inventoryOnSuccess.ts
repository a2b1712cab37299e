import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const inventoryOnSuccess: Check = {
  name: 'inventoryOnSuccess',
  severity: 'required',
  rule: 'A successful answer MUST be a JSON object carrying the documented result: "inventory" (an object) or "inventories" (a list).',
  source: 'API reference pages: 响应示例; docs/zstack-protocol.md#results-and-errorcode',
  run(o) {
    if (o.exchange.final.status !== 200 || o.api.reply.body === 'empty') return NOT_APPLICABLE;
    if (o.expect.kind === 'query' && o.expect.expected.countOnly) return NOT_APPLICABLE; // count=true has no inventories (queryCountsTotal)
    const b = body(o);
    const key = o.api.reply.body;
    const v = b?.[key];
    const ok = key === 'inventory' ? isObject(v) : Array.isArray(v);
    if (ok) return [];
    return [
      violation(
        this,
        o,
        `success without "${key}"`,
        `HTTP 200 ${b ? `keys ${show(Object.keys(b))}` : `body ${show(o.exchange.final.text)}`}`,
        key === 'inventory' ? '{"inventory": {...}}' : '{"inventories": [...]}',
      ),
    ];
  },
};
