import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const nullErrorOnSuccess: Check = {
  name: 'nullErrorOnSuccess',
  severity: 'required',
  rule: 'A successful answer (HTTP 200) MUST have "error" absent or null.',
  source:
    'API reference pages: error 若不为null,则表示操作失败; docs/zstack-protocol.md#results-and-errorcode (Gson omits nulls, so absent is the usual form)',
  run(o) {
    if (o.exchange.final.status !== 200) return NOT_APPLICABLE;
    const b = body(o);
    if (b === undefined || b['error'] === undefined || b['error'] === null) return [];
    return [
      violation(
        this,
        o,
        'success carries an error',
        `HTTP 200 with error=${show(b['error'])}`,
        'no "error", or "error": null',
      ),
    ];
  },
};
