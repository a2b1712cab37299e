import { zstackClassOf } from '../../contracts/index.ts';
import { isObject } from '../exchange/json.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

/** The parent of a schema-map path: `inventories[0].flows[1]` -> `inventories[0]`. */
const parentOf = (path: string): string | undefined =>
  path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined;

export const querySchemaMapForSdk: Check = {
  name: 'querySchemaMapForSdk',
  severity: 'required',
  rule: 'A query reply with inventories MUST carry "schema" mapping each inventories[i] to its ZStack class, parents before children.',
  source:
    'docs/zstack-protocol.md#the-schema-map (the official Java SDK types results through it; child-first order breaks typed casts)',
  run(o, ctx) {
    if (o.api.kind !== 'query' || o.exchange.final.status !== 200 || !o.api.reply.schema) return NOT_APPLICABLE;
    const b = body(o);
    const list = b?.['inventories'];
    if (!Array.isArray(list) || list.length === 0) return NOT_APPLICABLE;
    const schema = b?.['schema'];
    if (!isObject(schema))
      return [
        violation(
          this,
          o,
          'query reply without a schema map',
          `schema=${show(schema)}`,
          '{"schema": {"inventories[0]": "<class>", ...}}',
        ),
      ];
    const cls = zstackClassOf(ctx.schemas.contracts, o.api.reply.schema);
    const out = [];
    const wrong = list.map((_, i) => `inventories[${i}]`).filter((p) => schema[p] !== cls);
    if (wrong.length > 0)
      out.push(
        violation(
          this,
          o,
          'schema map does not type every inventory',
          `${wrong
            .slice(0, 3)
            .map((p) => `${p}=${show(schema[p])}`)
            .join(', ')}`,
          `each inventories[i] = ${cls}`,
        ),
      );
    const keys = Object.keys(schema);
    const misordered = keys.filter((k, i) => {
      const p = parentOf(k);
      return p !== undefined && keys.indexOf(p) > i;
    });
    if (misordered.length > 0)
      out.push(
        violation(
          this,
          o,
          'schema map lists children before their parents',
          misordered.slice(0, 3).join(', '),
          'parents first, as JsonSchemaBuilder emits them',
        ),
      );
    return out;
  },
};
