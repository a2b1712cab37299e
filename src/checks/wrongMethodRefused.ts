import { NOT_APPLICABLE, type Check } from './types.ts';
import { firstResponse } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

/**
 * What ZStack's REST layer answers, besides 405, at a path several APIs share when none of them takes the
 * method (RestServer.handleNonUniqueApi): POST, GET and DELETE find no API of their method and end in 500
 * (`No creational|query|delete API found for the path[...]`); a PUT looks for an action key in its body and
 * gets 400 (`the body doesn't contain action mapping to the URL[...]`). Only other methods get 405 there.
 */
const ZSTACK_REFUSAL: Readonly<Record<string, number>> = { POST: 500, GET: 500, DELETE: 500, PUT: 400 };

export const wrongMethodRefused: Check = {
  name: 'wrongMethodRefused',
  severity: 'required',
  rule: 'A known API path called with a method none of its APIs takes MUST be refused at once, not as an unknown path and with no job: 405, or what ZStack answers there (500 for POST, GET and DELETE, 400 for PUT).',
  source: 'docs/zstack-protocol.md#http-status-codes',
  run(o) {
    if (o.expect.kind !== 'wrong-method') return NOT_APPLICABLE;
    const first = firstResponse(o);
    const method = o.exchange.hops[0].request.method.toUpperCase();
    const zstack = ZSTACK_REFUSAL[method];
    const refusals = zstack === undefined ? [405] : [405, zstack];
    if (refusals.includes(first.status) && o.exchange.hops.length === 1) return [];
    return [
      violation(
        this,
        o,
        `${method} on a path none of whose APIs takes it is not refused`,
        `HTTP ${first.status}${o.exchange.hops.length > 1 ? ', then a job' : ''} ${show(first.text, 120)}`,
        `HTTP ${refusals.join(' or ')} at once, no job`,
      ),
    ];
  },
};
