import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { changedFields } from './support/canonical-json.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// For a query by uuid, `before` is the inventory the last reply or query of that resource showed, with no
// call in between that could change it (the property models set it; plain scenarios never do).
export const queryShowsLastInventory: Check = {
  name: 'queryShowsLastInventory',
  severity: 'required',
  rule: 'A query by uuid MUST return the inventory the last reply or query of that resource returned when nothing changed it since (uuid, createDate, lastOpDate and every other field).',
  source:
    'docs/zstack-protocol.md#query-parameters (GET .../{uuid}: the same inventory the last call returned when nothing changed it since)',
  run(o) {
    const uuid = o.sent['uuid'];
    if (o.api.kind !== 'query' || !o.before || typeof uuid !== 'string' || o.exchange.final.status !== 200)
      return NOT_APPLICABLE;
    const list = body(o)?.['inventories'];
    if (!Array.isArray(list)) return NOT_APPLICABLE; // inventoryOnSuccess reports it
    const found = list.find((i) => isObject(i) && i['uuid'] === uuid);
    if (!isObject(found))
      return [
        violation(
          this,
          o,
          'query no longer finds the resource',
          `no inventory with uuid ${uuid} (${list.length} returned)`,
          'the last inventory returned for it',
        ),
      ];
    const diff = changedFields(o.before, found);
    if (diff.length === 0) return [];
    return [
      violation(
        this,
        o,
        'query differs from the last inventory returned',
        diff.map((f) => `${f}: last ${show(o.before?.[f], 80)}, now ${show(found[f], 80)}`).join('; '),
        'the same inventory',
      ),
    ];
  },
};
