import { NOT_APPLICABLE, type Check } from './types.ts';
import { replyInventory, sentFieldMismatches, show, succeeded, violation } from './support.ts';

export const createAppliesSentFields: Check = {
  name: 'createAppliesSentFields',
  severity: 'required',
  rule: 'A successful create MUST return (and a query by uuid show) every field it was sent (effect.fields): strings as Java-trimmed, booleans parsed, lists in order.',
  source: 'descriptor effect.fields; notes: String parameters are trimmed; Wrong JSON types (Boolean fields take "TRUE"); Flows are objects',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'create' || !succeeded(o) || o.expect.kind !== 'success' || !e.fields) return NOT_APPLICABLE;
    const out = [];
    for (const [where, inv] of [['reply', replyInventory(o)], ['query', o.after ?? undefined]] as const) {
      if (!inv) continue;
      for (const m of sentFieldMismatches(o, e.fields, inv)) {
        out.push(violation(this, o, `${where} does not show the ${m.field} sent`, `${m.field}=${show(m.actual, 200)}`, `${m.field}=${show(m.expected, 200)}`));
      }
    }
    return out;
  },
};
