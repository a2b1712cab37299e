import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { show, violation } from './support/violation.ts';

const JOB_PATH = '/zstack/v1/api-jobs/';

export const asyncAcceptedWithLocation: Check = {
  name: 'asyncAcceptedWithLocation',
  severity: 'required',
  rule: 'A 202 answer MUST carry a "location" containing /zstack/v1/api-jobs/<job> (its host may differ from the configured one).',
  source:
    'docs/zstack-protocol.md#sync-and-async-jobs; docs/zstack-protocol.md#the-official-java-sdk-on-the-wire (the SDK rebuilds job URLs from that path)',
  run(o) {
    const first = o.exchange.hops[0]?.response;
    if (!first || first.status !== 202) return NOT_APPLICABLE;
    const loc = isObject(first.json) ? first.json['location'] : undefined;
    if (
      typeof loc === 'string' &&
      loc.includes(JOB_PATH) &&
      loc.slice(loc.indexOf(JOB_PATH) + JOB_PATH.length).length > 0
    )
      return [];
    return [
      violation(
        this,
        o,
        '202 without a usable job location',
        `202 ${show(first.json ?? first.text)}`,
        `{"location": "http://<host>/zstack/v1/api-jobs/<jobUuid>"}`,
      ),
    ];
  },
};
