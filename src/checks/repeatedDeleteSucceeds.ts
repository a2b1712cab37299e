import { NOT_APPLICABLE, type Check } from './types.ts';
import { show, violation } from './support/violation.ts';

export const repeatedDeleteSucceeds: Check = {
  name: 'repeatedDeleteSucceeds',
  severity: 'required',
  rule: 'Deleting a resource that no longer exists (a well-formed uuid) MUST succeed like the first delete.',
  source: 'docs/zstack-protocol.md#unknown-resources-and-repeated-deletes (successIfResourceNotExisting)',
  run(o) {
    if (o.expect.kind !== 'repeat-delete') return NOT_APPLICABLE;
    if (o.exchange.final.status === 200) return [];
    return [
      violation(
        this,
        o,
        'second delete failed',
        `HTTP ${o.exchange.final.status} ${show(o.exchange.final.json ?? o.exchange.final.text, 200)}`,
        'HTTP 200',
      ),
    ];
  },
};
