import { formatProblemsAt } from '../contract-model/schemas.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { violation } from './support/violation.ts';

export const replyMatchesSchema: Check = {
  name: 'replyMatchesSchema',
  severity: 'required',
  rule: "Every inventory in a successful answer MUST match its JSON Schema in contracts/schemas (fields always present, types, enums, uuid and timestamp formats); extra fields are allowed. Where only the SDK's naming ties a query to its inventory class (reply.schemaSource sdk-name), the findings are advisory.",
  source: 'contracts/schemas/*.schema.json (docs/zstack-protocol.md#inventory-fields-always-present)',
  run(o, ctx) {
    if (o.exchange.final.status !== 200 || !o.api.reply.schema) return NOT_APPLICABLE;
    if (o.expect.kind === 'query' && o.expect.expected.fields) return NOT_APPLICABLE; // fields=... cuts inventories down (queryFieldsSelected)
    const b = body(o);
    const v = b?.[o.api.reply.body];
    const items = o.api.reply.body === 'inventory' ? [v] : Array.isArray(v) ? v : [];
    if (v === undefined) return NOT_APPLICABLE; // inventoryOnSuccess reports the missing envelope
    // the inventory class is only guessed from the API's name: the rows may be of another class
    const guessedSchema = o.api.reply.schemaSource === 'sdk-name';
    const out = [];
    for (const [i, item] of items.entries()) {
      const problems = ctx.schemas.validate(o.api.reply.schema, item);
      if (problems.length > 0) {
        const where = o.api.reply.body === 'inventory' ? 'inventory' : `inventories[${i}]`;
        const found = violation(
          this,
          o,
          `${where} does not match ${o.api.reply.schema}`,
          formatProblemsAt(where, problems),
          `a valid ${o.api.reply.schema}`,
        );
        out.push(guessedSchema ? { ...found, severity: 'advisory' as const } : found);
      }
    }
    return out;
  },
};
