import { NOT_APPLICABLE, type Check } from './types.ts';
import { violation } from './support/violation.ts';

export const resourceGoneAfterDelete: Check = {
  name: 'resourceGoneAfterDelete',
  severity: 'required',
  rule: 'After a successful delete a query by uuid MUST no longer return the resource (a two-step delete excepted: see softDeletedStaysQueryable).',
  source:
    'docs/zstack-protocol.md#query-parameters (an unknown uuid gives an empty list); docs/zstack-protocol.md#projects (deleted in two steps)',
  run(o) {
    if (
      o.api.effect?.kind !== 'delete' ||
      o.api.effect.softDelete ||
      o.exchange.final.status !== 200 ||
      o.after === undefined
    )
      return NOT_APPLICABLE;
    if (o.after === null) return [];
    return [
      violation(
        this,
        o,
        'deleted resource still answers',
        `query still returns uuid ${String(o.after['uuid'])}`,
        'an empty inventories list',
      ),
    ];
  },
};
