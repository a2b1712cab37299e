import { isObject, type JsonObject } from '../client/exchange.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { flowChain, javaTrim, replyInventory, sameJson, show, storedValue, succeeded, violation } from './support.ts';

/** A sent list of objects as stored: in order, the members the inventory shows, strings trimmed. */
function storedList(sent: unknown[], members: string[]): unknown {
  return sent.map((f) => {
    if (!isObject(f)) return f;
    const out: JsonObject = {};
    for (const k of members) if (typeof f[k] === 'string') out[k] = javaTrim(f[k] as string);
    return out;
  });
}

function shownList(inv: unknown, members: string[]): unknown {
  return flowChain(inv).map((f) => {
    const out: JsonObject = {};
    for (const k of members) if (f[k] !== undefined && f[k] !== null) out[k] = f[k];
    return out;
  });
}

// Only list members the inventory item also carries are compared (a FlowStruct's approverTitle has no column).
const LIST_MEMBERS = ['name', 'description', 'approverUuid'];

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
      for (const [param, field] of Object.entries(e.fields)) {
        const sent = o.sent[param];
        if (sent === undefined || sent === null) continue;
        const type = o.api.params[param]?.type ?? 'string';
        // A number sent for a String field is stored as Java's Double text ("5.0"): not predicted here.
        if (type === 'string' && typeof sent !== 'string') continue;
        const expected = Array.isArray(sent) ? storedList(sent, LIST_MEMBERS) : storedValue(sent, type);
        const actual = Array.isArray(sent) ? shownList(inv[field], LIST_MEMBERS) : inv[field];
        if (!sameJson(expected, actual)) out.push(violation(this, o, `${where} does not show the ${field} sent`, `${field}=${show(actual, 200)}`, `${field}=${show(expected, 200)}`));
      }
    }
    return out;
  },
};
