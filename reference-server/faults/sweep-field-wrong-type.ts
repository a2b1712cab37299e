import type { ServerContext } from '../context.ts';
import { resolveRef } from '../schema-map.ts';
import { SWEEP_FAULT_API } from './sweep-target.ts';
import { defineFault } from './types.ts';

/** The first plain string member of the target's inventory (no uuid, enum, pattern or timestamp). */
function plainStringMember(ctx: ServerContext): string | undefined {
  const schemaName = ctx.contracts.surface.get(SWEEP_FAULT_API)?.reply.schema;
  const props = (ctx.contracts.schemas.get(schemaName ?? '')?.properties ?? {}) as Record<string, object>;
  return Object.keys(props).find((name) => {
    const s = resolveRef(ctx.contracts, props[name] as Record<string, unknown>);
    return s.type === 'string' && !s.enum && !s.pattern && !s.format && !/uuid$/i.test(name);
  });
}

export default defineFault({
  name: 'sweep-field-wrong-type',
  description: `${SWEEP_FAULT_API} sends one string member of its rows (the first plain one) as a number`,
  touches: ['request:generic-query'],
  trips: [{ check: 'replyMatchesSchema', in: { sweep: SWEEP_FAULT_API } }],
  install: (ctx) => {
    const member = plainStringMember(ctx);
    return {
      queryReply: (body, { api }) => {
        if (api !== SWEEP_FAULT_API || member === undefined || !Array.isArray(body.inventories)) return body;
        const inventories = (body.inventories as Record<string, unknown>[]).map((inv) =>
          typeof inv[member] === 'string' ? { ...inv, [member]: (inv[member] as string).length } : inv,
        );
        return { ...body, inventories };
      },
    };
  },
});
