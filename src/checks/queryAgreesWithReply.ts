import { NOT_APPLICABLE, type Check } from './types.ts';
import { changedFields } from './support/canonical-json.ts';
import { replyInventory, succeeded } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const queryAgreesWithReply: Check = {
  name: 'queryAgreesWithReply',
  severity: 'required',
  rule: 'A query by uuid right after a successful create, state change or update MUST return the inventory the call returned.',
  source: 'docs/zstack-protocol.md#query-parameters (GET .../{uuid} shows the resource as the server holds it)',
  run(o) {
    const kind = o.api.effect?.kind;
    if ((kind !== 'create' && kind !== 'stateEvent' && kind !== 'update') || !succeeded(o) || o.after === undefined)
      return NOT_APPLICABLE;
    const inv = replyInventory(o);
    if (!inv) return NOT_APPLICABLE;
    if (o.after === null)
      return [
        violation(
          this,
          o,
          'query does not find the resource the call returned',
          `no inventory for uuid ${String(inv['uuid'])}`,
          'the returned inventory',
        ),
      ];
    const diff = changedFields(inv, o.after);
    if (diff.length === 0) return [];
    return [
      violation(
        this,
        o,
        'query differs from the reply',
        diff.map((f) => `${f}: reply ${show(inv[f], 80)}, query ${show(o.after?.[f], 80)}`).join('; '),
        'the same inventory',
      ),
    ];
  },
};
