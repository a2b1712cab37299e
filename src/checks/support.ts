// Small helpers shared by the checks: building a violation, reading the final body, comparing inventories
// the way ZStack's own semantics allow (Java trim, list order not significant where the server does not define it).
import { finalBody } from '../exchange/exchange.ts';
import { isObject, type JsonObject } from '../exchange/json.ts';
import type { Check, Violation } from './types.ts';
import type { Observation } from '../exchange/observation.ts';
import { javaTrim } from '../contracts/java-text.ts';

export function violation(
  check: Pick<Check, 'name' | 'severity' | 'source'>,
  o: Observation,
  title: string,
  received: string,
  expected: string,
): Violation {
  return {
    check: check.name,
    severity: check.severity,
    api: o.api.name,
    title,
    received,
    expected,
    source: check.source,
  };
}

export const show = (v: unknown, max = 300): string => {
  const s = v === undefined ? 'absent' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

export const body = (o: Observation): JsonObject | undefined => finalBody(o.exchange);

export const succeeded = (o: Observation): boolean =>
  o.exchange.final.status === 200 && o.exchange.unsettled === undefined;

/** The inventory of a successful single-resource reply. */
export function replyInventory(o: Observation): JsonObject | undefined {
  const inv = body(o)?.['inventory'];
  return isObject(inv) ? inv : undefined;
}

/** A parameter's value as ZStack stores it: strings trimmed, Booleans from true/false in any case. */
export function storedValue(v: unknown, type: string): unknown {
  if (type === 'boolean' && typeof v === 'string') return v.toLowerCase() === 'true';
  if (typeof v === 'string') return javaTrim(v);
  return v;
}

/**
 * Canonical form for equality: object keys sorted; lists of inventories (objects with a uuid) sorted by uuid,
 * since the server builds them from joined rows in no defined order
 * (docs/zstack-protocol.md#inventory-fields-always-present).
 */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical);
    if (items.every((i) => isObject(i) && typeof i['uuid'] === 'string')) {
      return [...items].sort((a, b) =>
        String((a as JsonObject)['uuid']).localeCompare(String((b as JsonObject)['uuid'])),
      );
    }
    return items;
  }
  if (isObject(v)) {
    const out: JsonObject = {};
    // null == absent (Gson drops nulls)
    for (const k of Object.keys(v).sort()) if (v[k] !== null) out[k] = canonical(v[k]);
    return out;
  }
  return v;
}

export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Fields whose values differ between two inventories (absent and null are the same). */
export function changedFields(a: JsonObject, b: JsonObject): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameJson(a[k] ?? null, b[k] ?? null)).sort();
}

/** Flows in approval order: follow parentFlowUuid from the flow without one; list order when there is no chain. */
export function flowChain(flows: unknown): JsonObject[] {
  if (!Array.isArray(flows)) return [];
  const list = flows.filter(isObject);
  const first = list.filter((f) => f['parentFlowUuid'] == null);
  if (first.length !== 1) return list;
  const chain = [first[0]];
  while (chain.length < list.length) {
    const next = list.find((f) => f['parentFlowUuid'] === chain[chain.length - 1]['uuid']);
    if (!next) return list;
    chain.push(next);
  }
  return chain;
}

/** The ErrorCode's code of a JSON answer, when it carries one. */
export function errorCodeOf(o: Observation): unknown {
  const err = body(o)?.['error'];
  return isObject(err) ? err['code'] : undefined;
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

/**
 * The fields a call was sent (effect.fields: parameter -> inventory field) that `inv` does not show as ZStack
 * stores them: strings Java-trimmed, Booleans parsed, lists in order (chain order for flows).
 */
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

/** A header of the call's own request, by case-insensitive name. */
export function requestHeader(o: Observation, name: string): string | undefined {
  const headers = o.exchange.hops[0]?.request.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** The call's first answer (the direct reply, or the 202 of an async call). */
export const firstResponse = (o: Observation) => o.exchange.hops[0].response;

/** The job id a 202's location names: the path segment after /zstack/v1/api-jobs/. */
export function jobIdOf(location: unknown): string | undefined {
  if (typeof location !== 'string') return undefined;
  const at = location.indexOf('/zstack/v1/api-jobs/');
  if (at < 0) return undefined;
  return location.slice(at + '/zstack/v1/api-jobs/'.length).split(/[/?#]/)[0] || undefined;
}
