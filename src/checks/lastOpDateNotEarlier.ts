import { parseZStackTimestamp } from '../contract-model/timestamps.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { replyInventory, succeeded } from './support/observation-parts.ts';
import { violation } from './support/violation.ts';

// Timestamps have one-second resolution and no zone (docs/zstack-protocol.md#timestamps): "not earlier" is compared in
// whole
// seconds of the same server's clock, and either Java spelling may be on either side.
export const lastOpDateNotEarlier: Check = {
  name: 'lastOpDateNotEarlier',
  severity: 'required',
  rule: 'After a state change or update, lastOpDate MUST NOT be earlier than before it.',
  source: 'docs/zstack-protocol.md#timestamps (IAM2OrganizationVO lastOpDate ON UPDATE CURRENT_TIMESTAMP)',
  run(o) {
    const kind = o.api.effect?.kind;
    if ((kind !== 'stateEvent' && kind !== 'update') || !succeeded(o) || !o.before) return NOT_APPLICABLE;
    const before =
      typeof o.before['lastOpDate'] === 'string' ? parseZStackTimestamp(o.before['lastOpDate']) : undefined;
    if (!before) return NOT_APPLICABLE; // replyMatchesSchema reports an unreadable timestamp
    const out = [];
    for (const [where, inv] of [
      ['reply', replyInventory(o)],
      ['query', o.after ?? undefined],
    ] as const) {
      const text = inv?.['lastOpDate'];
      const now = typeof text === 'string' ? parseZStackTimestamp(text) : undefined;
      if (now && now.seconds < before.seconds) {
        out.push(
          violation(
            this,
            o,
            `${where} lastOpDate went back in time`,
            `before ${String(o.before['lastOpDate'])}, after ${String(text)}`,
            'the same second or later',
          ),
        );
      }
    }
    return out;
  },
};
