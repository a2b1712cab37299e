import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { violation } from './support/violation.ts';

// Advisory only: these fields rest on inference (open-source patterns, docs), not on a NOT NULL column
// (docs/zstack-protocol.md#inventory-fields-always-present: "inferred" fields are advisory).
export const inferredFieldsPresent: Check = {
  name: 'inferredFieldsPresent',
  severity: 'advisory',
  rule: 'Inventories SHOULD carry the fields a real server is inferred to always send (x-advisory-required in the schema).',
  source: 'contracts/schemas x-advisory-required; docs/zstack-protocol.md#inventory-fields-always-present',
  run(o, ctx) {
    if (o.exchange.final.status !== 200 || !o.api.reply.schema) return NOT_APPLICABLE;
    if (o.expect.kind === 'query' && o.expect.expected.fields) return NOT_APPLICABLE; // fields=... cuts inventories down
    const want = ctx.schemas.advisoryRequired(o.api.reply.schema);
    const v = body(o)?.[o.api.reply.body];
    const items = o.api.reply.body === 'inventory' ? [v] : Array.isArray(v) ? v : [];
    if (want.length === 0 || items.length === 0) return NOT_APPLICABLE;
    const missing = new Set<string>();
    for (const item of items)
      if (typeof item === 'object' && item !== null) for (const f of want) if (!(f in item)) missing.add(f);
    if (missing.size === 0) return [];
    return [
      violation(
        this,
        o,
        `${o.api.reply.schema} without inferred fields`,
        `missing ${[...missing].join(', ')}`,
        `present: ${want.join(', ')}`,
      ),
    ];
  },
};
