import { formatProblems } from '../contract-model/schemas.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { violation } from './support/violation.ts';

export const replyMatchesSchema: Check = {
  name: 'replyMatchesSchema',
  severity: 'required',
  rule: 'Every inventory in a successful answer MUST match its JSON Schema in contracts/schemas (fields always present, types, enums, uuid and timestamp formats); extra fields are allowed.',
  source: 'contracts/schemas/*.schema.json (docs/zstack-protocol.md#inventory-fields-always-present)',
  run(o, ctx) {
    if (o.exchange.final.status !== 200 || !o.api.reply.schema) return NOT_APPLICABLE;
    if (o.expect.kind === 'query' && o.expect.expected.fields) return NOT_APPLICABLE; // fields=... cuts inventories down (queryFieldsSelected)
    const b = body(o);
    const v = b?.[o.api.reply.body];
    const items = o.api.reply.body === 'inventory' ? [v] : Array.isArray(v) ? v : [];
    if (v === undefined) return NOT_APPLICABLE; // inventoryOnSuccess reports the missing envelope
    const out = [];
    for (const [i, item] of items.entries()) {
      const problems = ctx.schemas.validate(o.api.reply.schema, item);
      if (problems.length > 0) {
        const where = o.api.reply.body === 'inventory' ? 'inventory' : `inventories[${i}]`;
        out.push(
          violation(
            this,
            o,
            `${where} does not match ${o.api.reply.schema}`,
            formatProblems(problems),
            `a valid ${o.api.reply.schema}`,
          ),
        );
      }
    }
    return out;
  },
};
