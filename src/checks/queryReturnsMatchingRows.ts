import { isObject } from '../exchange/json.ts';
import type { Observation } from '../exchange/observation.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

/** The uuids of a query answer's inventories, in order (undefined when it has no inventories list). */
export function answerUuids(o: Observation): string[] | undefined {
  const list = body(o)?.['inventories'];
  return Array.isArray(list) ? list.map((i) => (isObject(i) ? String(i['uuid']) : '?')) : undefined;
}

/** A violation for a query the oracle expected to succeed, when it did not answer 200. */
export function queryRefused(check: Pick<Check, 'name' | 'severity' | 'source'>, o: Observation) {
  return violation(
    check,
    o,
    'a valid query was refused',
    `HTTP ${o.exchange.final.status} ${show(o.exchange.final.json ?? o.exchange.final.text, 200)}`,
    'HTTP 200 with the matching inventories',
  );
}

const sample = (xs: string[]): string => `${xs.slice(0, 4).join(', ')}${xs.length > 4 ? `, … (${xs.length})` : ''}`;

export const queryReturnsMatchingRows: Check = {
  name: 'queryReturnsMatchingRows',
  severity: 'required',
  rule: 'A query MUST list exactly the resources its conditions match (each once), as MariaDB with utf8_general_ci evaluates them; a sorted page MUST be exactly that slice of the sorted list; limit=N MUST give at most N rows.',
  source: 'docs/zstack-protocol.md#operators-and-collation; docs/zstack-protocol.md#paging-and-counting',
  run(o) {
    if (o.expect.kind !== 'query') return NOT_APPLICABLE;
    const { uuids, maxRows } = o.expect.expected;
    if (!uuids && maxRows === undefined) return NOT_APPLICABLE;
    if (o.exchange.final.status !== 200) return [queryRefused(this, o)];
    const got = answerUuids(o);
    if (!got)
      return [
        violation(
          this,
          o,
          `${o.expect.why}: no inventories`,
          show(body(o), 200),
          uuids ? `inventories with ${uuids.list.length} resource(s)` : '{"inventories": [...]}',
        ),
      ];
    const out = [];
    if (maxRows !== undefined && got.length > maxRows)
      out.push(
        violation(this, o, `${o.expect.why}: more rows than the limit`, `${got.length} rows`, `at most ${maxRows}`),
      );
    if (!uuids) return out;
    const { list, ordered } = uuids;
    const dup = got.filter((u, i) => got.indexOf(u) !== i);
    if (dup.length)
      out.push(violation(this, o, `${o.expect.why}: a resource is listed twice`, sample(dup), 'each resource once'));
    const want = new Set(list);
    const have = new Set(got);
    const extra = [...have].filter((u) => !want.has(u));
    const missing = list.filter((u) => !have.has(u));
    if (extra.length || missing.length) {
      out.push(
        violation(
          this,
          o,
          `${o.expect.why}: the answer does not match the conditions`,
          `${extra.length ? `not matching but listed: ${sample(extra)}` : ''}${extra.length && missing.length ? '; ' : ''}${missing.length ? `matching but missing: ${sample(missing)}` : ''}`,
          `${list.length} resource(s): ${sample(list)}`,
        ),
      );
    } else if (ordered && got.join() !== list.join()) {
      out.push(
        violation(this, o, `${o.expect.why}: the page is not the slice of the sorted list`, sample(got), sample(list)),
      );
    }
    return out;
  },
};
