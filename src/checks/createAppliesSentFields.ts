import { NOT_APPLICABLE, type Check } from './types.ts';
import { sentFieldsNotApplied, succeeded } from './support.ts';

export const createAppliesSentFields: Check = {
  name: 'createAppliesSentFields',
  severity: 'required',
  rule: 'A successful create MUST return (and a query by uuid show) every field it was sent (effect.fields): strings as Java-trimmed, booleans parsed, lists in order.',
  source: 'descriptor effect.fields; notes: String parameters are trimmed; Wrong JSON types (Boolean fields take "TRUE"); Flows are objects',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'create' || !succeeded(o) || o.expect.kind !== 'success' || !e.fields) return NOT_APPLICABLE;
    return sentFieldsNotApplied(this, o, e.fields);
  },
};
