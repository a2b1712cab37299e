// Whether a successful create or update shows the fields it was sent, as ZStack stores them: strings
// Java-trimmed, Booleans parsed, lists in order (chain order for flows).
import { isObject, type JsonObject } from '../../exchange/json.ts';
import type { Observation } from '../../exchange/observation.ts';
import { javaTrim } from '../../contract-model/java-text.ts';
import type { Check, Violation } from '../types.ts';
import { sameJson } from './canonical-json.ts';
import { flowChain } from './flow-order.ts';
import { replyInventory } from './observation-parts.ts';
import { show, violation } from './violation.ts';

/** A parameter's value as ZStack stores it: strings trimmed, Booleans from true/false in any case. */
function storedValue(v: unknown, type: string): unknown {
  if (type === 'boolean' && typeof v === 'string') return v.toLowerCase() === 'true';
  if (typeof v === 'string') return javaTrim(v);
  return v;
}

// The members of a sent list item that its inventory item also carries (a FlowStruct's approverTitle has no column).
const LIST_MEMBERS = ['name', 'description', 'approverUuid'];

function listAsCompared(items: JsonObject[]): JsonObject[] {
  return items.map((f) => {
    const out: JsonObject = {};
    // Strings inside list items are not fields of the API message, so APIMessage.validate does not trim them;
    // whether the closed IAM2 code does is not public: both sides are compared trimmed, accepting either.
    for (const k of LIST_MEMBERS) if (typeof f[k] === 'string') out[k] = javaTrim(f[k] as string);
    return out;
  });
}

interface FieldMismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** The fields a call was sent (effect.fields: parameter -> inventory field) that `inv` does not show as stored. */
function sentFieldMismatches(o: Observation, fields: Record<string, string>, inv: JsonObject): FieldMismatch[] {
  const out: FieldMismatch[] = [];
  for (const [param, field] of Object.entries(fields)) {
    const sent = o.sent[param];
    if (sent === undefined || sent === null) continue;
    const type = o.api.params[param]?.type ?? 'string';
    // A number sent for a String field is stored as Java's Double text ("5.0"): not predicted here.
    if (type === 'string' && typeof sent !== 'string') continue;
    const expected = Array.isArray(sent) ? listAsCompared(sent.filter(isObject)) : storedValue(sent, type);
    const actual = Array.isArray(sent) ? listAsCompared(flowChain(inv[field])) : inv[field];
    if (!sameJson(expected, actual)) out.push({ field, expected, actual });
  }
  return out;
}

/**
 * What a successful create or update shows of the fields it was sent, in its reply and in the query after it: a
 * violation per field not applied.
 */
export function sentFieldsNotApplied(
  check: Pick<Check, 'name' | 'severity' | 'source'>,
  o: Observation,
  fields: Record<string, string>,
): Violation[] {
  const out: Violation[] = [];
  for (const [where, inv] of [
    ['reply', replyInventory(o)],
    ['query', o.after ?? undefined],
  ] as const) {
    if (!inv) continue;
    for (const m of sentFieldMismatches(o, fields, inv)) {
      out.push(
        violation(
          check,
          o,
          `${where} does not show the ${m.field} sent`,
          `${m.field}=${show(m.actual, 200)}`,
          `${m.field}=${show(m.expected, 200)}`,
        ),
      );
    }
  }
  return out;
}
