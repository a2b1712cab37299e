import { zstackClassOf } from '../../contracts/index.ts';
import { castableTo } from '../contract-model/sdk-classes.ts';
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
  rule: 'A query reply with inventories MUST carry "schema" mapping each inventories[i] to its ZStack class or a subclass the SDK knows, every class named one SourceClassMap knows, parents before children.',
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
    const contracts = ctx.schemas.contracts;
    const cls = zstackClassOf(contracts, o.api.reply.schema);
    const schemaName = o.api.reply.schema;
    const out = [];
    const wrong = list
      .map((_, i) => `inventories[${i}]`)
      .filter((p) => typeof schema[p] !== 'string' || !castableTo(contracts, schema[p], schemaName));
    if (wrong.length > 0) {
      const v = violation(
        this,
        o,
        'schema map does not type every inventory',
        `${wrong
          .slice(0, 3)
          .map((p) => `${p}=${show(schema[p])}`)
          .join(', ')}`,
        `each inventories[i] = ${cls} or a subclass of its SDK class`,
      );
      // the inventory class is only guessed from the API's name (reply.schemaSource sdk-name): advisory
      out.push(o.api.reply.schemaSource === 'sdk-name' ? { ...v, severity: 'advisory' as const } : v);
    }
    // without SourceClassMap (contracts/sdk/source-class-map.json) no class can be judged unknown
    const unknown =
      contracts.classMap.size === 0
        ? []
        : Object.entries(schema).filter(([, c]) => typeof c !== 'string' || !contracts.classMap.has(c));
    if (unknown.length > 0)
      out.push(
        violation(
          this,
          o,
          'schema map names classes the SDK does not know',
          unknown
            .slice(0, 3)
            .map(([p, c]) => `${p}=${show(c)}`)
            .join(', '),
          'server classes of SourceClassMap (the SDK skips any other, leaving the row untyped)',
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
