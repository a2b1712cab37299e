import { isObject, type JsonObject } from '../client/exchange.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { flowChain, javaTrim, replyInventory, sameJson, show, storedValue, succeeded, violation } from './support.ts';

/** A sent flow list as compared: the flows in order, each {name, description?, approverUuid}, trimmed. */
function storedFlows(sent: unknown): unknown {
  if (!Array.isArray(sent)) return sent;
  return sent.map((f) => {
    if (!isObject(f)) return f;
    const out: JsonObject = {};
    for (const k of ['name', 'description', 'approverUuid']) if (typeof f[k] === 'string') out[k] = javaTrim(f[k] as string);
    return out;
  });
}

// Strings inside a flow are not fields of the API message, so APIMessage.validate does not trim them; whether
// the closed IAM2 code does is not public: both sides are compared trimmed, accepting either behaviour.
function shownFlows(inv: unknown): unknown {
  return flowChain(inv).map((f) => {
    const out: JsonObject = {};
    for (const k of ['name', 'description', 'approverUuid']) if (typeof f[k] === 'string') out[k] = javaTrim(f[k] as string);
    return out;
  });
}

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
      for (const [param, field] of Object.entries(e.fields ?? {})) {
        const sent = o.sent[param];
        if (sent === undefined) continue;
        const type = o.api.params[param]?.type ?? 'string';
        const expected = type === 'list' ? storedFlows(sent) : storedValue(sent, type);
        const actual = type === 'list' ? shownFlows(inv[field]) : inv[field];
        if (!sameJson(expected, actual)) {
          out.push(violation(this, o, `${where} does not show the ${field} sent`, `${field}=${show(actual, 200)}`, `${field}=${show(expected, 200)}`));
        }
      }
    }
    return out;
  },
};
