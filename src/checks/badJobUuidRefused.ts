import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

// The REST layer checks X-Job-UUID before any job exists: a length other than 32 and the id of an existing
// job are both 400 plain text, and the API never runs.
export const badJobUuidRefused: Check = {
  name: 'badJobUuidRefused',
  severity: 'required',
  rule: "An async call whose X-Job-UUID is not 32 characters long, or repeats an existing job's id, MUST be refused at once with 400 and no job (rejectedCreateLeavesNothing judges that nothing was created).",
  source: 'docs/zstack-protocol.md#sync-and-async-jobs',
  run(o) {
    if (o.expect.kind !== 'bad-job-uuid') return NOT_APPLICABLE;
    const first = firstResponse(o);
    if (first.status === 400 && o.exchange.hops.length === 1) return [];
    return [
      violation(
        this,
        o,
        `${o.expect.why} not refused`,
        `HTTP ${first.status}${o.exchange.hops.length > 1 ? `, then the job answered ${o.exchange.final.status}` : ''} ${show(first.text, 120)}`,
        'HTTP 400 at once, no job',
      ),
    ];
  },
};
