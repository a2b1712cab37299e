import { NOT_APPLICABLE, type Check } from './types.ts';
import { succeeded } from './support/observation-parts.ts';
import { violation } from './support/violation.ts';

export const expungedResourceGone: Check = {
  name: 'expungedResourceGone',
  severity: 'required',
  rule: 'After a successful expunge (ExpungeIAM2Project) a query by uuid MUST no longer return the resource.',
  source:
    'docs/zstack-protocol.md#projects; docs/zstack-protocol.md#query-parameters (an unknown uuid gives an empty list)',
  run(o) {
    if (o.api.effect?.kind !== 'expunge' || o.expect.kind !== 'success' || !succeeded(o) || o.after === undefined)
      return NOT_APPLICABLE;
    if (o.after === null) return [];
    return [
      violation(
        this,
        o,
        'expunged resource still answers',
        `query still returns uuid ${String(o.after['uuid'])}`,
        'an empty inventories list',
      ),
    ];
  },
};
