import { NOT_APPLICABLE, type Check } from './types.ts';
import { succeeded } from './support/observation-parts.ts';
import { sentFieldsNotApplied } from './support/sent-fields.ts';

export const updateAppliesSentFields: Check = {
  name: 'updateAppliesSentFields',
  severity: 'required',
  rule: 'After a successful update every field sent MUST show its new value (strings as Java-trimmed, flows in order), in the reply and in the next query.',
  source:
    'descriptor effect.fields; docs/zstack-protocol.md#updates; docs/zstack-protocol.md#string-trimming; docs/zstack-protocol.md#flow-collections-and-their-approvers (flows are objects)',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'update' || !succeeded(o) || o.expect.kind !== 'success') return NOT_APPLICABLE;
    return sentFieldsNotApplied(this, o, e.fields ?? {});
  },
};
