// Observations beside observe(): raw requests beside the documented ones (a job address, an unknown path,
// a wrong method), and creates judged by whether they left a resource behind (a query by the unique name).
import { findApi, type ApiDescriptor } from '../../contracts/index.ts';
import { finalBody, type WireRequest } from '../exchange/exchange.ts';
import { isObject, type JsonObject } from '../exchange/json.ts';
import type { CallOptions, ZStackClient } from '../client/zstack-client.ts';
import type { Expectation, Observation } from '../exchange/observation.ts';
import type { ResourceKit } from '../resources/resource-kit.ts';
import type { ObservationLog } from './observe.ts';

export const JOB_PATH = '/zstack/v1/api-jobs/';

/** A request the descriptors do not describe, with the suite's session unless `session` says otherwise. */
export function rawRequest(
  zs: ZStackClient,
  method: string,
  path: string,
  opts: { session?: string | null; body?: string } = {},
): WireRequest {
  const headers: Record<string, string> = {};
  const session = opts.session === undefined ? zs.session : opts.session;
  if (session) headers['Authorization'] = `OAuth ${session}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';
  return { method, url: zs.baseUrl + path, headers, ...(opts.body !== undefined ? { body: opts.body } : {}) };
}

/** Sends a raw request (never following a job) and records it as an observation of `api`. */
export async function observeRaw(
  ctx: ObservationLog,
  api: ApiDescriptor,
  request: WireRequest,
  expect: Expectation,
): Promise<Observation> {
  const o: Observation = { api, exchange: await ctx.zs.send(api.name, request, false), sent: {}, expect };
  ctx.record.push(o);
  return o;
}

/** The resource named `name` as a query shows it, or null. */
export async function findByName(zs: ZStackClient, resource: string, name: string): Promise<JsonObject | null> {
  const query = findApi(zs.contracts, resource, 'query');
  const x = await zs.query(query.name, { q: [`name=${name}`] });
  const list = finalBody(x)?.['inventories'];
  const found = Array.isArray(list) ? list.find((i) => isObject(i) && i['name'] === name) : undefined;
  return isObject(found) ? found : null;
}

/**
 * A create, then a query by its (unique, run-tagged) name: `after` is what the query finds, so a refused create
 * that still made the resource is seen. Whatever it made is handed to the kit for cleanup.
 */
export async function observeCreate(
  ctx: ObservationLog & { kit: ResourceKit },
  resource: string,
  params: Record<string, unknown> & { name: string },
  opts: CallOptions & { expect?: Expectation } = {},
): Promise<Observation> {
  const api = findApi(ctx.zs.contracts, resource, 'create');
  const exchange = await ctx.zs.call(api.name, params, opts);
  const after = await findByName(ctx.zs, resource, params.name);
  const o: Observation = { api, exchange, sent: params, expect: opts.expect ?? { kind: 'success' }, after };
  ctx.record.push(o);
  if (after && typeof after['uuid'] === 'string') ctx.kit.adopt(resource, after['uuid']);
  return o;
}

/** The job address a 202 named, as a path under the configured base (the SDK keeps only the path). */
export function jobPathOf(o: Observation): string | undefined {
  const loc = o.exchange.hops[0].response.json;
  const location = isObject(loc) ? loc['location'] : undefined;
  if (typeof location !== 'string') return undefined;
  const at = location.indexOf(JOB_PATH);
  return at < 0 ? undefined : location.slice(at);
}
