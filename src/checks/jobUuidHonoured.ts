import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse, jobIdOf, requestHeader } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// The official Java SDK sends its own X-Job-UUID with every async call and relies on the job carrying it. RestServer
// gives the message that id before the API runs, so a job that fails (validation, session) carries it as well.
export const jobUuidHonoured: Check = {
  name: 'jobUuidHonoured',
  severity: 'required',
  rule: 'An async call carrying a valid X-Job-UUID MUST run as the job with that id, whether the job succeeds or fails: its location ends with it.',
  source: 'docs/zstack-protocol.md#sync-and-async-jobs',
  run(o) {
    const id = requestHeader(o, 'X-Job-UUID');
    const first = firstResponse(o);
    if (id === undefined || id.length !== 32 || o.expect.kind === 'bad-job-uuid' || first.status !== 202)
      return NOT_APPLICABLE;
    const location = isObject(first.json) ? first.json['location'] : undefined;
    if (jobIdOf(location) === id) return [];
    return [
      violation(
        this,
        o,
        'the job does not carry the X-Job-UUID it was sent',
        `location ${show(location)} for X-Job-UUID ${id}`,
        `a location ending in /zstack/v1/api-jobs/${id}`,
      ),
    ];
  },
};
