import { NOT_APPLICABLE, type Check } from './types.ts';
import { sentFieldsNotApplied, succeeded } from './support.ts';

export const updateAppliesSentFields: Check = {
  name: 'updateAppliesSentFields',
  severity: 'required',
  rule: 'After a successful update every field sent MUST show its new value (strings as Java-trimmed, flows in order), in the reply and in the next query.',
  source: 'descriptor effect.fields; notes: String parameters are trimmed; Flows are objects',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'update' || !succeeded(o) || o.expect.kind !== 'success') return NOT_APPLICABLE;
    return sentFieldsNotApplied(this, o, e.fields ?? {});
  },
};
