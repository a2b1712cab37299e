// What a pair of lined-up steps differs in beyond their settling answers (compare-reply.ts): the call's own status
// (a job answered at once, a refusal before any job), the top-level keys of the answer (an `error` on a success,
// an `inventory` on a failure: the success signal, never an extra field), the resource as a query showed it after
// the call (the state reached), the web-hook deliveries, and the checks that failed on each side when recorded.
import type { WireResponse } from '../exchange/exchange.ts';
import type { JsonObject } from '../exchange/json.ts';
import type { RecordingStep } from '../recording/recording.ts';
import { compareReplies, type Finding } from './compare-reply.ts';
import { shortJson } from './difference.ts';
import type { Normalization } from './normalize.ts';

/** The keys of a ZStack answer that say whether the call succeeded and what it returned. */
const SIGNAL_KEYS = new Set(['error', 'inventory', 'inventories']);

/** An added top-level signal key is a change of the answer, not an extra field. */
export function signalKeysAsChanges(findings: Finding[]): Finding[] {
  return findings.map((f) => (f.kind === 'field-added' && SIGNAL_KEYS.has(f.path) ? { ...f, kind: 'value' } : f));
}

const asAnswer = (inventory: JsonObject): WireResponse => ({
  status: 200,
  headers: {},
  text: '',
  json: { inventory },
  durationMs: 0,
});

type FailedCheck = NonNullable<RecordingStep['failed']>[number];
const verdictKey = (f: FailedCheck): string => `${f.check} [${f.severity}]`;
const shown = (f: FailedCheck): string => `${verdictKey(f)}: ${f.title}`;

export function compareAroundCall(sa: RecordingStep, sb: RecordingStep, n: Normalization): Finding[] {
  const out: Finding[] = [];
  const [oa, ob] = [sa.observation, sb.observation];
  const [callA, callB] = [oa.exchange.hops[0]?.response.status, ob.exchange.hops[0]?.response.status];
  if (callA !== callB && oa.exchange.final.status === ob.exchange.final.status)
    out.push({ kind: 'status', path: 'call status', a: `${callA}`, b: `${callB}` });

  if ((oa.after === null) !== (ob.after === null))
    out.push({
      kind: 'state',
      path: 'after',
      a: oa.after === null ? 'gone' : 'present',
      b: ob.after === null ? 'gone' : 'present',
    });
  else if (oa.after && ob.after)
    for (const f of compareReplies(asAnswer(oa.after), asAnswer(ob.after), n, false))
      out.push({ ...f, path: `after: ${f.path.replace(/^inventory\.?/, '') || 'resource'}` });

  const [hooksA, hooksB] = [oa.webHook?.deliveries.length, ob.webHook?.deliveries.length];
  if (hooksA !== hooksB)
    out.push({ kind: 'value', path: 'web hook deliveries', a: shortJson(hooksA), b: shortJson(hooksB) });

  const [failedA, failedB] = [sa.failed ?? [], sb.failed ?? []];
  // a required check failing on one side only is a change; an advisory one is worth a look, no more
  const kindOf = (f: FailedCheck): Finding['kind'] => (f.severity === 'required' ? 'verdict' : 'advisory');
  const keysB = new Set(failedB.map(verdictKey));
  const keysA = new Set(failedA.map(verdictKey));
  for (const f of failedA)
    if (!keysB.has(verdictKey(f))) out.push({ kind: kindOf(f), path: verdictKey(f), a: shown(f), b: 'passed' });
  for (const f of failedB)
    if (!keysA.has(verdictKey(f))) out.push({ kind: kindOf(f), path: verdictKey(f), a: 'passed', b: shown(f) });
  return out;
}
