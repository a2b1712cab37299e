// The REST layer (docs/zstack-protocol.md#base-and-request-shape): routing, Authorization, body and action key,
// JSON types, X-Job-UUID; then sync APIs answer directly and async ones answer 202 + location and keep
// their result in a job. Every REST-layer rejection is plain text.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiDescriptor } from '../contracts/index.ts';
import type { ServerContext } from './context.ts';
import { ApiError, RestError } from './errors.ts';
import type { ApiCall } from './api-call.ts';
import { checkSession, executeApi } from './execute.ts';
import { genericSchemaName, isGenericQuery } from './generic-queries.ts';
import { runQuery, parseQueryParams } from './query.ts';
import { addTopLevelExtras, renderOutcome } from './render.ts';
import { jobDelay, type Job } from './jobs.ts';
import type { StoredResource } from './store.ts';
import { scheduleWebHook } from './web-hooks.ts';
import { coerceParam, coerceTags, readBody, sendJson, sendText, wrongShape } from './wire.ts';

const JOB_PATH = '/zstack/v1/api-jobs/';
const DEFAULT_API_TIMEOUT_MS = 1_800_000;

export async function handleRequest(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await dispatch(ctx, req, res);
  } catch (e) {
    // never crash on bad input: any error is a plain-text reply
    if (e instanceof RestError) sendText(res, e.status, e.message, e.status === 413 ? { Connection: 'close' } : {});
    else sendText(res, 500, e instanceof Error ? e.message : String(e));
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function wantsSchema(req: IncomingMessage): boolean {
  const v = header(req, 'x-json-schema');
  return v !== undefined && v.trim().toLowerCase() !== 'false';
}

/**
 * `Authorization: OAuth <session>`; missing or another type is a 400 from the REST layer
 * (docs/zstack-protocol.md#sessions).
 */
function sessionFromAuthorization(ctx: ServerContext, req: IncomingMessage): string {
  const auth = header(req, 'authorization');
  const [type, ...rest] = (auth ?? '').trim().split(' ');
  const problem =
    auth === undefined
      ? "missing header 'Authorization'"
      : type !== 'OAuth'
        ? "Authorization type must be 'OAuth'"
        : undefined;
  const refusal = ctx.hooks.authorizationError(problem, {});
  if (refusal !== undefined) throw new RestError(400, refusal);
  return problem === undefined ? rest.join(' ').trim() : '';
}

async function dispatch(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const target = req.url ?? '/';
  // concatenated, not resolved: a request target like `//host/x` must stay a path
  const url = new URL(`http://localhost${target.startsWith('/') ? target : '/' + target}`);
  const path = url.pathname;
  const raw = await readBody(req);

  // a job answers polls under the standard path and wherever its location points
  for (const prefix of new Set([JOB_PATH, ctx.hooks.jobPath(JOB_PATH, {})])) {
    if (path.startsWith(prefix) || path === prefix.slice(0, -1))
      return pollJob(ctx, req, res, method, path.slice(prefix.length));
  }

  const match = ctx.routes.match(method, path);
  if (match.kind === 'none')
    throw new RestError(ctx.hooks.routeRejection(404, { kind: 'none' }), `no api mapping to ${path}`);
  if (match.kind === 'method') {
    const refusal = wrongMethodRefusal(method, path, match.shared);
    return sendText(res, ctx.hooks.routeRejection(refusal.status, { kind: 'method' }), refusal.text, {
      Allow: match.allowed.join(', '),
    });
  }
  const first = match.apis[0];
  // APIs marked @SuppressCredentialCheck (login, logout) never look at the Authorization header.
  const session = ctx.hooks.checksAuthorization(!first.suppressCredentialCheck, { api: first })
    ? sessionFromAuthorization(ctx, req)
    : undefined;

  if (first.kind === 'query')
    return query(
      ctx,
      res,
      first,
      ctx.hooks.queryPathUuid(match.withUuid ? match.pathParams.uuid : undefined, {}),
      url.searchParams,
      session ?? '',
    );

  const body = method === 'POST' || method === 'PUT' ? parseBody(ctx, raw) : {};
  const { api, rawParams } = selectApi(ctx, match.apis, body, path);
  const call: ApiCall = {
    api,
    params: coerceParams(ctx, api, rawParams, url.searchParams),
    pathParams: match.pathParams,
    systemTags: coerceTags(ctx, 'systemTags', body.systemTags),
    userTags: coerceTags(ctx, 'userTags', body.userTags),
  };

  if (!ctx.hooks.answersAsync(api.async, { api, session })) {
    const outcome = executeApi(ctx, call, session);
    const r = renderOutcome(ctx, outcome, { job: false, withSchema: wantsSchema(req) });
    return sendJson(ctx, res, r.status, r.body, r.nullError);
  }
  answerAsJob(ctx, req, res, call, session);
}

/** An async API: runs it as a job and answers 202 with the job's location and the API timeout. */
function answerAsJob(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  call: ApiCall,
  session: string | undefined,
): void {
  const { api } = call;
  const jobUuid = requestedJobUuid(ctx, req);
  const id = ctx.hooks.jobId(jobUuid ?? ctx.newUuid(), { requested: jobUuid });
  const host =
    ctx.variant.jobLocationHost ?? header(req, 'host') ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  const location = `http://${host}${ctx.hooks.jobPath(JOB_PATH, {})}${id}`;
  const apiTimeout = apiTimeoutMs(req);
  const outcome = executeApi(ctx, call, session);
  const readyAt = ctx.hooks.jobReadyAt(ctx.now() + jobDelay(ctx.variant), { api });
  const job: Job = { id, location, readyAt, outcome, schemaRequested: wantsSchema(req) };
  ctx.jobs.add(job);
  const hook = ctx.hooks.webHookUrl(header(req, 'x-web-hook'), {});
  if (hook !== undefined) scheduleWebHook(ctx, job, hook);
  sendJson(ctx, res, 202, addTopLevelExtras(ctx, { location, apiTimeout }));
}

/** X-Job-UUID, when sent: 32 characters and no existing job's, or a 400 from the REST layer. */
function requestedJobUuid(ctx: ServerContext, req: IncomingMessage): string | undefined {
  const jobUuid = header(req, 'x-job-uuid');
  if (jobUuid === undefined) return undefined;
  const problem =
    jobUuid.length !== 32
      ? "Invalid header[X-Job-UUID], it must be a UUID with '-' stripped"
      : ctx.jobs.has(jobUuid)
        ? `Duplicate job uuid[${jobUuid}]`
        : undefined;
  const refusal = ctx.hooks.jobUuidError(problem, { requested: jobUuid });
  if (refusal !== undefined) throw new RestError(400, refusal);
  return jobUuid;
}

/** X-API-Timeout (seconds) in milliseconds, or ZStack's default. */
function apiTimeoutMs(req: IncomingMessage): number {
  const timeoutSec = Number(header(req, 'x-api-timeout'));
  return Number.isFinite(timeoutSec) && timeoutSec > 0 ? Math.round(timeoutSec * 1000) : DEFAULT_API_TIMEOUT_MS;
}

function parseBody(ctx: ServerContext, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new RestError(400, `Invalid JSON body: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw wrongShape(ctx, 'BEGIN_OBJECT', v, '');
  return v as Record<string, unknown>;
}

/**
 * Create-like APIs take their parameters under `params`; actions under their body key, matched
 * case-sensitively (docs/zstack-protocol.md#action-keys); a PUT .../actions URL is shared
 * by several APIs and the key selects one.
 */
function selectApi(
  ctx: ServerContext,
  apis: ApiDescriptor[],
  body: Record<string, unknown>,
  path: string,
): { api: ApiDescriptor; rawParams: unknown } {
  if (apis.length === 1 && (apis[0].bodyKey === undefined || apis[0].bodyKey === 'params')) {
    const api = apis[0];
    return { api, rawParams: api.bodyKey === 'params' ? body.params : undefined };
  }
  for (const api of apis) {
    const key = api.bodyKey;
    if (!key) continue;
    const found = ctx.hooks.actionKey(Object.hasOwn(body, key) ? key : undefined, { body, key });
    if (found !== undefined) return { api, rawParams: body[found] };
  }
  throw new RestError(400, `the body doesn't contain action mapping to the URL[${path}]`);
}

function coerceParams(
  ctx: ServerContext,
  api: ApiDescriptor,
  rawParams: unknown,
  search: URLSearchParams,
): Record<string, unknown> {
  if (rawParams !== undefined && rawParams !== null && (typeof rawParams !== 'object' || Array.isArray(rawParams))) {
    throw wrongShape(ctx, 'BEGIN_OBJECT', rawParams, api.bodyKey ?? 'params');
  }
  const given = (rawParams ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(api.params)) {
    if (spec.in === 'path') continue;
    const value = spec.in === 'query' ? (search.get(name) ?? undefined) : given[name];
    const v = coerceParam(ctx, name, spec, value);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function query(
  ctx: ServerContext,
  res: ServerResponse,
  api: ApiDescriptor,
  uuid: string | undefined,
  search: URLSearchParams,
  session: string,
): void {
  // 400-level parsing first, then the session (docs/zstack-protocol.md#http-status-codes); GET .../{uuid} ignores
  // parameters
  const spec = uuid === undefined ? parseQueryParams(ctx, search) : parseQueryParams(ctx, new URLSearchParams());
  try {
    checkSession(ctx, session);
    const body = ctx.hooks.queryReply(runQuery(ctx, queryTable(ctx, api), queryRecords(ctx, api), spec, uuid), {
      api: api.name,
    });
    sendJson(ctx, res, 200, addTopLevelExtras(ctx, body), ctx.variant.explicitNullError);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const r = renderOutcome(ctx, { ok: false, api: api.name, error: e.error }, { job: false, withSchema: false });
    sendJson(ctx, res, r.status, r.body, r.nullError);
  }
}

/** The API and the schema of its rows: a generic query's may be none (rows known by uuid only). */
function queryTable(ctx: ServerContext, api: ApiDescriptor): { api: string; schemaName: string | undefined } {
  return {
    api: api.name,
    schemaName: isGenericQuery(ctx.contracts, api) ? genericSchemaName(ctx.contracts, api) : api.reply.schema,
  };
}

/** The rows a query searches: a generic query's generated ones, else the live records of the resource. */
function queryRecords(ctx: ServerContext, api: ApiDescriptor): StoredResource[] {
  if (isGenericQuery(ctx.contracts, api)) return ctx.generated.rows(api);
  // a soft-deleted project stays queryable, in its deleted state, until expunged (docs/zstack-protocol.md#projects)
  return ctx.store
    .all(api.resource)
    .filter((r) => !r.softDeleted || ctx.hooks.queryShowsSoftDeleted(true, { resource: api.resource }));
}

function pollJob(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, method: string, id: string): void {
  if (!ctx.hooks.jobMethodAllowed(method === 'GET', { method }))
    return sendText(res, 405, `The method ${method} is not allowed for job URLs`, { Allow: 'GET' });
  const job = id && !id.includes('/') ? ctx.jobs.get(decodeURIComponentSafe(id)) : undefined;
  if (!job) {
    const r = ctx.hooks.unknownJobReply({ status: 404, text: 'the job has been expired' }, {});
    return sendText(res, r.status, r.text);
  }
  if (ctx.now() < job.readyAt) {
    // pending: the server sends {}, the manual shows the location again (variant pendingBody)
    const body = ctx.hooks.pendingBody(ctx.variant.pendingBody === 'location' ? { location: job.location } : {}, {});
    return typeof body === 'string' ? sendText(res, 202, body) : sendJson(ctx, res, 202, body);
  }
  const r = renderOutcome(ctx, job.outcome, { job: true, withSchema: job.schemaRequested || wantsSchema(req) });
  sendJson(ctx, res, r.status, r.body, r.nullError);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * RestServer.handleNonUniqueApi on a path several APIs share picks one by method: none for POST, GET or DELETE
 * is a 500, none whose action key the PUT body holds a 400, any other method a 405. On a path only one API
 * serves ZStack runs that API whatever the method; this server answers 405 there instead
 * (docs/zstack-protocol.md#http-status-codes).
 */
function wrongMethodRefusal(method: string, path: string, shared: boolean): { status: number; text: string } {
  if (shared) {
    const kind = ({ POST: 'creational', GET: 'query', DELETE: 'delete' } as Record<string, string>)[method];
    if (kind) return { status: 500, text: `No ${kind} API found for the path[${path}]` };
    if (method === 'PUT') return { status: 400, text: `the body doesn't contain action mapping to the URL[${path}]` };
  }
  return { status: 405, text: `The method[${method}] is not allowed for the path[${path}]` };
}
