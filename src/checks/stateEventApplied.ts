import { NOT_APPLICABLE, type Check } from './types.ts';
import { javaTrim } from '../contract-model/java-text.ts';
import { replyInventory, succeeded } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const stateEventApplied: Check = {
  name: 'stateEventApplied',
  severity: 'required',
  rule: "After a successful stateEvent the resource MUST be in the event's state (enable -> Enabled, disable -> Disabled), in the reply and in the next query; a repeat is idempotent.",
  source: 'descriptor effect.transitions; docs/zstack-protocol.md#state-events (repeats are idempotent)',
  run(o) {
    const e = o.api.effect;
    if (e?.kind !== 'stateEvent' || !succeeded(o) || o.expect.kind !== 'success') return NOT_APPLICABLE;
    const event = o.sent[e.param as string];
    const wanted = typeof event === 'string' ? e.transitions?.[javaTrim(event)] : undefined;
    if (wanted === undefined) return NOT_APPLICABLE;
    const field = e.field as string;
    const out = [];
    const inv = replyInventory(o);
    if (inv && inv[field] !== wanted)
      out.push(
        violation(
          this,
          o,
          `${field} not ${wanted} after ${String(event)}`,
          `reply ${field}=${show(inv[field])} (before: ${show(o.before?.[field])})`,
          `${field}=${JSON.stringify(wanted)}`,
        ),
      );
    if (o.after && o.after[field] !== wanted)
      out.push(
        violation(
          this,
          o,
          `query shows ${field} not ${wanted} after ${String(event)}`,
          `query ${field}=${show(o.after[field])}`,
          `${field}=${JSON.stringify(wanted)}`,
        ),
      );
    return out;
  },
};
