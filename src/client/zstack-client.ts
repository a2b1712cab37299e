// A small ZStack client driven by the API descriptors: it builds the documented request for any API,
// follows async jobs, and returns the whole Exchange. Nothing about an API is written here; it all comes
// from contracts/apis.
import { createHash, randomUUID } from 'node:crypto';
import { apiNamed, apiPath, findApi, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';
import type { SuiteConfig } from '../config.ts';
import { finalBody, type Exchange, type Hop, type WireRequest } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import { JobTimeoutError, NoJobLocationError, pollJob } from './jobs.ts';
import { registerSecret } from '../reporting/redact.ts';
import type { Transport } from './transport.ts';

/** Bounded, so a long property run cannot grow without end. */
export const HISTORY_LIMIT = 500;

export const sha512Hex = (s: string): string => createHash('sha512').update(s, 'utf8').digest('hex');

export interface CallOptions {
  /** session to send; default the client's own. null sends no Authorization header at all. */
  session?: string | null;
  /** extra headers, e.g. X-Job-UUID */
  headers?: Record<string, string>;
  systemTags?: string[];
  userTags?: string[];
  /** replace the whole body with this raw text (negative tests) */
  rawBody?: string;
  /** send the body parameters under this key instead of the descriptor's (negative tests) */
  bodyKeyOverride?: string;
  /** false: return after the first answer, without polling a 202's job (pact consumer tests, web hooks) */
  followJob?: boolean;
}

export interface QueryOptions {
  uuid?: string;
  q?: string[];
  limit?: number;
  start?: number;
  sort?: string;
  count?: boolean;
  replyWithCount?: boolean;
  fields?: string[];
  session?: string | null;
  headers?: Record<string, string>;
}

/**
 * Watches every call the client sends (the run's ledger of creates, the breakers, read-only mode): `before` may
 * refuse a call by throwing or return the request to send instead; `after` sees the whole exchange; `failed` sees
 * an error of the request or of its job's polls (a TransportError) before it reaches the caller.
 */
export interface SendGuard {
  before?(api: ApiDescriptor, request: WireRequest): WireRequest | void;
  after?(api: ApiDescriptor, x: Exchange): void;
  jobTimedOut?(reason: string): void;
  failed?(api: ApiDescriptor, error: unknown): void;
}

export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

export class ZStackClient {
  session: string | undefined;
  /** The last HISTORY_LIMIT exchanges this client made, oldest first (for reports and reproduction lines). */
  readonly history: Exchange[] = [];
  /** how many exchanges this client has made in all (history keeps only the last ones) */
  exchangeCount = 0;
  /** the run's guards (src/safety, src/resources/ledger.ts); none in self-tests against their own servers */
  readonly guards: SendGuard[] = [];

  constructor(
    readonly transport: Transport,
    readonly config: SuiteConfig,
    readonly contracts: Contracts,
  ) {
    if (!config.baseUrl)
      throw new SetupError('no target: ZSTACK_BASE_URL is unset and the embedded server did not start');
  }

  get baseUrl(): string {
    return this.config.baseUrl as string;
  }

  /** The descriptor of an API: a hand-written one, else one of the whole surface (the query sweep). */
  api(name: string): ApiDescriptor {
    const a = apiNamed(this.contracts, name);
    if (!a) throw new Error(`no descriptor for API ${name} in contracts/apis or contracts/sdk/apis`);
    return a;
  }

  passwordHash(): string {
    const h = this.config.passwordSha512 ?? sha512Hex(this.config.password ?? '');
    registerSecret(h);
    registerSecret(this.config.password);
    return h;
  }

  /** Logs in by account; throws SetupError naming what the endpoint answered when it refuses. */
  async login(): Promise<string> {
    const api = findApi(this.contracts, 'Session', 'login');
    const x = await this.call(
      api.name,
      { accountName: this.config.accountName, password: this.passwordHash() },
      { session: null },
    );
    const inv = finalBody(x)?.['inventory'];
    const uuid = isObject(inv) ? inv['uuid'] : undefined;
    if (x.final.status !== 200 || typeof uuid !== 'string') {
      throw new SetupError(
        `login as "${this.config.accountName}" failed: HTTP ${x.final.status} ${oneLine(x.final.text)}`,
      );
    }
    registerSecret(uuid);
    this.session = uuid;
    return uuid;
  }

  async logout(): Promise<Exchange | undefined> {
    if (!this.session) return undefined;
    const api = findApi(this.contracts, 'Session', 'logout');
    // As the official SDK does: the session is in the path, no Authorization header (needSession = false).
    const x = await this.call(api.name, { sessionUuid: this.session }, { session: null });
    this.session = undefined;
    return x;
  }

  /** Sends one API call as documented (or as overridden by opts) and follows its job to the end. */
  async call(name: string, params: Record<string, unknown>, opts: CallOptions = {}): Promise<Exchange> {
    const api = this.api(name);
    const pathParams: Record<string, string> = {};
    const query = new URLSearchParams();
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params)) {
      const spec = api.params[key];
      const where = spec?.in ?? 'body';
      if (where === 'path') pathParams[key] = String(value);
      else if (where === 'query') query.append(key, String(value));
      else body[key] = value;
    }
    const qs = query.toString();
    const url = this.baseUrl + apiPath(api, pathParams) + (qs ? `?${qs}` : '');
    let text: string | undefined = opts.rawBody;
    if (text === undefined && (api.bodyKey || opts.bodyKeyOverride)) {
      const envelope: Record<string, unknown> = { [opts.bodyKeyOverride ?? (api.bodyKey as string)]: body };
      if (opts.systemTags) envelope['systemTags'] = opts.systemTags;
      if (opts.userTags) envelope['userTags'] = opts.userTags;
      text = JSON.stringify(envelope);
    }
    return this.send(
      api.name,
      {
        method: api.method,
        url,
        headers: this.headers(opts, text !== undefined),
        ...(text !== undefined ? { body: text } : {}),
      },
      opts.followJob ?? true,
    );
  }

  /** A query of a resource's inventories (docs/zstack-protocol.md#query-language). */
  async query(name: string, opts: QueryOptions = {}): Promise<Exchange> {
    const api = this.api(name);
    const params = new URLSearchParams();
    for (const c of opts.q ?? []) params.append('q', c);
    if (opts.limit !== undefined) params.set('limit', String(opts.limit));
    if (opts.start !== undefined) params.set('start', String(opts.start));
    if (opts.sort !== undefined) params.set('sort', opts.sort);
    if (opts.count) params.set('count', 'true');
    if (opts.replyWithCount) params.set('replyWithCount', 'true');
    if (opts.fields) params.set('fields', opts.fields.join(','));
    const qs = params.toString();
    const path = opts.uuid ? apiPath(api, { uuid: opts.uuid }, true) : apiPath(api, {});
    return this.send(api.name, {
      method: 'GET',
      url: this.baseUrl + path + (qs ? `?${qs}` : ''),
      headers: this.headers(opts, false),
    });
  }

  /** The inventory of one resource as a query by uuid shows it, or undefined when the query finds none. */
  async fetchInventory(queryApi: string, uuid: string): Promise<Record<string, unknown> | undefined> {
    const x = await this.query(queryApi, { uuid });
    const list = finalBody(x)?.['inventories'];
    if (x.final.status !== 200 || !Array.isArray(list)) {
      throw new SetupError(`${queryApi} of ${uuid} failed: HTTP ${x.final.status} ${oneLine(x.final.text)}`);
    }
    const found = list.find((i) => isObject(i) && i['uuid'] === uuid);
    return isObject(found) ? found : undefined;
  }

  /**
   * Exchanges number `from` (inclusive) to `to` (exclusive), counted by exchangeCount, as far as history still holds
   * them.
   */
  exchangesBetween(from: number, to = this.exchangeCount): Exchange[] {
    const firstKept = this.exchangeCount - this.history.length;
    return this.history.slice(Math.max(0, from - firstKept), Math.max(0, to - firstKept));
  }

  /** Sends a prepared request and follows its job. */
  async send(api: string, prepared: WireRequest, followJob = true): Promise<Exchange> {
    const descriptor = this.api(api);
    let request = prepared;
    for (const g of this.guards) request = g.before?.(descriptor, request) ?? request;
    let x: Exchange;
    try {
      x = await this.exchange(api, request, followJob);
    } catch (e) {
      for (const g of this.guards) g.failed?.(descriptor, e);
      throw e;
    }
    this.history.push(x);
    this.exchangeCount++;
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const g of this.guards) g.after?.(descriptor, x);
    return x;
  }

  /** The request, and its job's polls when it answers 202 and followJob holds. */
  private async exchange(api: string, request: WireRequest, followJob: boolean): Promise<Exchange> {
    const response = await this.transport.send(request);
    const hops: Hop[] = [{ request, response }];
    let unsettled: Exchange['unsettled'];
    if (response.status === 202 && followJob) {
      const pollHeaders: Record<string, string> = {};
      // The SDK sends its Authorization header and X-JSON-Schema when polling; the server does not check them.
      for (const [k, v] of Object.entries(request.headers))
        if (/^(authorization|x-json-schema)$/i.test(k)) pollHeaders[k] = v;
      try {
        hops.push(
          ...(await pollJob(this.transport, hops[0], {
            baseUrl: this.baseUrl,
            headers: pollHeaders,
            timeoutMs: this.config.jobTimeoutMs,
            intervalMs: this.config.pollIntervalMs,
          })),
        );
      } catch (e) {
        // The server's failure to settle is a finding for the checks, not an error of the suite.
        if (e instanceof NoJobLocationError) unsettled = 'no-job-location';
        else if (e instanceof JobTimeoutError) {
          unsettled = 'job-timeout';
          hops.splice(0, hops.length, ...e.hops);
          for (const g of this.guards) g.jobTimedOut?.(e.message);
        } else throw e;
      }
    }
    return { api, hops, final: hops[hops.length - 1].response, ...(unsettled ? { unsettled } : {}) };
  }

  private headers(
    opts: { session?: string | null; headers?: Record<string, string> },
    hasBody: boolean,
  ): Record<string, string> {
    const h: Record<string, string> = {};
    if (hasBody) h['Content-Type'] = 'application/json;charset=UTF-8';
    const session = opts.session === undefined ? this.session : opts.session;
    if (session !== null && session !== undefined) h['Authorization'] = `OAuth ${session}`;
    return { ...h, ...opts.headers };
  }
}

/** The start of a body on one line, for one-line failures (an HTML error page has many). */
export const oneLine = (text: string, max = 300): string => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** A fresh ZStack-style uuid: a v4 uuid without dashes (well formed, names nothing yet). */
export const newUuid = (): string => randomUUID().replace(/-/g, '');

/** A fresh X-Job-UUID as the SDK sends it. */
export const newJobUuid = newUuid;
