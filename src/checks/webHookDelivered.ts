import { isObject, type JsonObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { sameJson } from './support/canonical-json.ts';
import { firstResponse, jobIdOf } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

/** The body without the `schema` map: it follows X-JSON-Schema on the request that reads it, not the result. */
const withoutSchemaMap = (v: unknown): unknown => {
  if (!isObject(v)) return v;
  const { schema: _schema, ...rest } = v as JsonObject;
  return rest;
};

export const webHookDelivered: Check = {
  name: 'webHookDelivered',
  severity: 'required',
  rule: "An async call carrying X-Web-Hook MUST have its result POSTed to that URL within the job timeout, with X-Job-UUID (the job's id), X-Job-Success (true exactly when the job succeeded) and the body a poll of the job answers.",
  source: 'docs/zstack-protocol.md#web-hooks',
  run(o) {
    const hook = o.webHook;
    const first = firstResponse(o);
    if (!hook || first.status !== 202 || o.exchange.unsettled !== undefined) return NOT_APPLICABLE;
    const d = hook.deliveries[0];
    if (!d)
      return [
        violation(
          this,
          o,
          'the web hook was never called',
          `nothing received within ${hook.waitedMs} ms after the job ended`,
          'a POST to the X-Web-Hook URL',
        ),
      ];
    const out = [];
    const jobId = jobIdOf(isObject(first.json) ? first.json['location'] : undefined);
    if (d.method !== 'POST') out.push(violation(this, o, 'the web hook was not a POST', d.method, 'POST'));
    if (jobId !== undefined && d.headers['x-job-uuid'] !== jobId)
      out.push(
        violation(
          this,
          o,
          'the web hook names another job',
          `X-Job-UUID: ${show(d.headers['x-job-uuid'])}`,
          `X-Job-UUID: ${jobId}`,
        ),
      );
    const success = o.exchange.final.status === 200;
    if ((d.headers['x-job-success'] ?? '').toLowerCase() !== String(success)) {
      out.push(
        violation(
          this,
          o,
          'the web hook reports the wrong outcome',
          `X-Job-Success: ${show(d.headers['x-job-success'])}`,
          `X-Job-Success: ${success} (the job answered ${o.exchange.final.status})`,
        ),
      );
    }
    let delivered: unknown;
    try {
      delivered = JSON.parse(d.text);
    } catch {
      delivered = undefined;
    }
    if (delivered === undefined || !sameJson(withoutSchemaMap(delivered), withoutSchemaMap(o.exchange.final.json))) {
      out.push(
        violation(
          this,
          o,
          "the web hook body differs from the job's result",
          show(d.text, 240),
          show(o.exchange.final.json, 240),
        ),
      );
    }
    return out;
  },
};
