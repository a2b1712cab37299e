import { NOT_APPLICABLE, type Check } from './types.ts';
import { changedFields } from './support/canonical-json.ts';
import { replyInventory, succeeded } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';
import type { JsonObject } from '../exchange/json.ts';

/** Fields this call is allowed to change: the effect's own field, the fields of the parameters sent, mayChange. */
export function fieldsAllowedToChange(o: Parameters<Check['run']>[0]): Set<string> {
  const e = o.api.effect;
  const allowed = new Set(e?.mayChange ?? []);
  if (e?.field) allowed.add(e.field);
  for (const [param, field] of Object.entries(e?.fields ?? {})) if (o.sent[param] !== undefined) allowed.add(field);
  return allowed;
}

export const unchangedFieldsKept: Check = {
  name: 'unchangedFieldsKept',
  severity: 'required',
  rule: "A state change or update MUST leave every other field as it was (uuid, name, type, createDate, …): only the event's field, the fields sent and lastOpDate may change.",
  source:
    'docs/zstack-protocol.md#state-events (a state change changes nothing but state); docs/zstack-protocol.md#updates (an update changes only the fields it is sent)',
  run(o) {
    const kind = o.api.effect?.kind;
    if ((kind !== 'stateEvent' && kind !== 'update') || !o.before) return NOT_APPLICABLE;
    const allowed = fieldsAllowedToChange(o);
    // A rejected call must change nothing at all (only meaningful with a query after it).
    const views: Array<[string, JsonObject | undefined]> = succeeded(o)
      ? [
          ['reply', replyInventory(o)],
          ['query', o.after ?? undefined],
        ]
      : [['query', o.after ?? undefined]];
    const rejected = !succeeded(o);
    const out = [];
    for (const [where, inv] of views) {
      if (!inv) continue;
      const changed = changedFields(o.before, inv).filter((f) => rejected || !allowed.has(f));
      if (changed.length === 0) continue;
      out.push(
        violation(
          this,
          o,
          `${where} shows fields changed that ${rejected ? 'a rejected call' : 'this call'} must not change`,
          changed.map((f) => `${f}: ${show(o.before?.[f], 80)} -> ${show(inv[f], 80)}`).join('; '),
          rejected ? 'the resource exactly as before' : `only ${[...allowed].sort().join(', ')} may change`,
        ),
      );
    }
    return out;
  },
};
