import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { show, violation } from './support/violation.ts';

// Advisory: the official SDK reads only the status of a pending poll, so another body does not break it; the
// real server sends {} and the manual shows the location again, and both are accepted.
export const pendingPollBody: Check = {
  name: 'pendingPollBody',
  severity: 'advisory',
  rule: "A poll of a running job SHOULD answer 202 with {} or with the job's location, never with a result or an error.",
  source: 'docs/zstack-protocol.md#sync-and-async-jobs',
  run(o) {
    const pending = o.exchange.hops.slice(1).filter((h) => h.response.status === 202);
    if (pending.length === 0) return NOT_APPLICABLE;
    const bad = pending.filter((h) => {
      const b = h.response.json;
      if (!isObject(b)) return true;
      return ['inventory', 'inventories', 'error'].some((k) => b[k] !== undefined && b[k] !== null);
    });
    if (bad.length === 0) return [];
    return [
      violation(
        this,
        o,
        'a pending poll answered something else than {} or the location',
        `HTTP 202 ${show(bad[0].response.text, 160)}`,
        'HTTP 202 {} or {"location": "..."}',
      ),
    ];
  },
};
