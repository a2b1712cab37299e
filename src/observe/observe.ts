// `observe` makes one call between two queries of the resource it touches and returns what the checks need;
// scenarios and properties observe through it.
import type { ZStackClient, CallOptions } from '../client/zstack-client.ts';
import { apisOf } from '../../contracts/index.ts';
import type { Expectation, Observation } from '../exchange/observation.ts';
import type { JsonObject } from '../exchange/json.ts';

/** A client and the record its observations go to (a scenario's, a property case's). */
export interface ObservationLog {
  zs: ZStackClient;
  /** every observation so far: kept when a scenario stops half-way, so the checks still judge what happened */
  record: Observation[];
}

export interface ObserveOptions extends CallOptions {
  expect?: Expectation;
  /** the resource the call touches: queried before and after the call */
  uuid?: string;
  /** query only after the call (creates) */
  queryAfterOnly?: boolean;
}

/** Runs one call and returns its observation, plus one for each query made around it. */
export async function observe(
  zs: ZStackClient,
  apiName: string,
  params: Record<string, unknown>,
  opts: ObserveOptions = {},
): Promise<Observation[]> {
  const api = zs.api(apiName);
  const queryApi =
    api.kind === 'query' ? undefined : apisOf(zs.contracts, api.resource).find((a) => a.kind === 'query');
  const out: Observation[] = [];
  const queryOnce = async (uuid: string) => {
    if (!queryApi) return undefined;
    const x = await zs.query(queryApi.name, { uuid });
    out.push({ api: queryApi, exchange: x, sent: { uuid }, expect: { kind: 'success' } });
    const list = (x.final.json as { inventories?: unknown } | undefined)?.inventories;
    const found = Array.isArray(list)
      ? list.find((i) => typeof i === 'object' && i !== null && (i as Record<string, unknown>)['uuid'] === uuid)
      : undefined;
    return (found as Record<string, unknown> | undefined) ?? null;
  };
  const before = opts.uuid && !opts.queryAfterOnly ? ((await queryOnce(opts.uuid)) ?? undefined) : undefined;
  const exchange = await zs.call(apiName, params, opts);
  const created = (exchange.final.json as { inventory?: { uuid?: unknown } } | undefined)?.inventory?.uuid;
  const touched = opts.uuid ?? (api.kind === 'create' && typeof created === 'string' ? created : undefined);
  const after = touched ? await queryOnce(touched) : undefined;
  const main: Observation = {
    api,
    exchange,
    sent: params,
    expect: opts.expect ?? { kind: 'success' },
    ...(before ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
  return [main, ...out];
}

/** observe(), recording the observations in the log; returns the call's own observation. */
export async function observeInto(
  ctx: ObservationLog,
  apiName: string,
  params: Record<string, unknown>,
  opts: ObserveOptions = {},
): Promise<Observation> {
  const observations = await observe(ctx.zs, apiName, params, opts);
  ctx.record.push(...observations);
  return observations[0];
}

/** A query by uuid judged against `last`, the inventory the last call returned, with nothing changing it since. */
export async function observeQuery(
  ctx: ObservationLog,
  resource: string,
  uuid: string,
  last: JsonObject | undefined,
): Promise<Observation> {
  const api = apisOf(ctx.zs.contracts, resource).find((a) => a.kind === 'query');
  if (!api) throw new Error(`contracts: ${resource} has no query API`);
  const o: Observation = {
    api,
    exchange: await ctx.zs.query(api.name, { uuid }),
    sent: { uuid },
    expect: { kind: 'success' },
    ...(last ? { before: last } : {}),
  };
  ctx.record.push(o);
  return o;
}
