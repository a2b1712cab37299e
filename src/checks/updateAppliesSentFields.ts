import { NOT_APPLICABLE, type Check } from './types.ts';
import { replyInventory, sentFieldMismatches, show, succeeded, violation } from './support.ts';

export const updateAppliesSentFields: Check = {
  name: 'updateAppliesSentFields',
  severity: 'required',
  rule: 'After a successful update every field sent MUST show its new value (strings as Java-trimmed, flows in order), in the reply and in the next query.',
  source: 'descriptor effect.fields; notes: String parameters are trimmed; Flows are objects',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'update' || !succeeded(o) || o.expect.kind !== 'success') return NOT_APPLICABLE;
    const out = [];
    for (const [where, inv] of [['reply', replyInventory(o)], ['query', o.after ?? undefined]] as const) {
      if (!inv) continue;
      for (const m of sentFieldMismatches(o, e.fields ?? {}, inv)) {
        out.push(violation(this, o, `${where} does not show the ${m.field} sent`, `${m.field}=${show(m.actual, 200)}`, `${m.field}=${show(m.expected, 200)}`));
      }
    }
    return out;
  },
};
