import { NOT_APPLICABLE, type Check } from './types.ts';
import { succeeded } from './support/observation-parts.ts';
import { sentFieldsNotApplied } from './support/sent-fields.ts';

export const createAppliesSentFields: Check = {
  name: 'createAppliesSentFields',
  severity: 'required',
  rule: 'A successful create MUST return (and a query by uuid show) every field it was sent (effect.fields): strings as Java-trimmed, booleans parsed, lists in order.',
  source:
    'descriptor effect.fields; docs/zstack-protocol.md#string-trimming; docs/zstack-protocol.md#wrong-json-types (Boolean fields take "TRUE"); docs/zstack-protocol.md#flow-collections-and-their-approvers (flows are objects)',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'create' || !succeeded(o) || o.expect.kind !== 'success' || !e.fields) return NOT_APPLICABLE;
    return sentFieldsNotApplied(this, o, e.fields);
  },
};
