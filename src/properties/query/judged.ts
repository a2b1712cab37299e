// Sending one query of a property and judging its answer with the suite's checks, against what the oracle expects.
import type { Expectation, QueryExpectation } from '../../exchange/observation.ts';
import { finalBody } from '../../exchange/exchange.ts';
import { isObject, type JsonObject } from '../../exchange/json.ts';
import type { QueryOptions } from '../../client/zstack-client.ts';
import { stepName, type CaseRecord } from '../core.ts';
import type { QueryFixture } from './fixture.ts';

export const uuids = (rows: readonly JsonObject[]): string[] => rows.map((r) => String(r['uuid']));

export function describeQuery(o: QueryOptions): string {
  const parts = [...(o.q ?? []).map((q) => `q=${q}`)];
  if (o.sort !== undefined) parts.push(`sort=${o.sort}`);
  if (o.start !== undefined) parts.push(`start=${o.start}`);
  if (o.limit !== undefined) parts.push(`limit=${o.limit}`);
  if (o.count) parts.push('count=true');
  if (o.replyWithCount) parts.push('replyWithCount=true');
  if (o.fields) parts.push(`fields=${o.fields.join(',')}`);
  if (o.uuid) parts.push(`uuid in the path ${o.uuid}`);
  return parts.join('&');
}

/** Sends one query and judges it against an expectation; returns the answer's inventories. */
export async function judgedExchange(
  rec: CaseRecord,
  f: QueryFixture,
  opts: QueryOptions,
  expect: Expectation,
): Promise<JsonObject[] | undefined> {
  const zs = rec.zs;
  const x = await zs.query(f.queryApi, opts);
  rec.judge(stepName(f.queryApi, describeQuery(opts)), [
    { api: zs.api(f.queryApi), exchange: x, sent: { ...opts }, expect },
  ]);
  const list = finalBody(x)?.['inventories'];
  return Array.isArray(list) ? list.filter(isObject) : undefined;
}

/** Sends one query and judges it against the oracle's expectation; returns the answer's inventories. */
export const judgedQuery = (
  rec: CaseRecord,
  f: QueryFixture,
  opts: QueryOptions,
  expected: QueryExpectation,
  why: string,
): Promise<JsonObject[] | undefined> => judgedExchange(rec, f, opts, { kind: 'query', why, expected });
