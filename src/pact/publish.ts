// Publishes the pacts to a Pact Broker or PactFlow through the broker's standard API: one
// `POST /contracts/publish` (Pact Broker >= 2.86, PactFlow), or, for an older broker that answers 404 there,
// the classic `PUT /pacts/provider/{p}/consumer/{c}/version/{v}` plus branch and tags. Configured by
// ZSTACK_BROKER_* / ZSTACK_PACT_* (environment > .env). Tokens and passwords are never printed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact, registerSecret } from '../reporting/redact.ts';
import { PACT_DIR } from './names.ts';

export class PublishConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'PublishConfigError';
  }
}

/** The broker refused (or could not be reached): one line, safe to print. */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(redact(message));
    this.name = 'PublishError';
  }
}

export interface PublishConfig {
  brokerUrl: string;
  auth: { kind: 'token'; token: string } | { kind: 'basic'; username: string; password: string } | { kind: 'none' };
  consumerVersion: string;
  branch: string | undefined;
  tags: string[];
  buildUrl: string | undefined;
  pactDir: string;
  timeoutMs: number;
}

type Env = Record<string, string | undefined>;
const text = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function git(args: string[]): string | undefined {
  try {
    const out = execFileSync('git', args, {
      encoding: 'utf8',
      timeout: 5_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

export function readPublishConfig(env: Env, opts: { useGit?: boolean } = {}): PublishConfig {
  const useGit = opts.useGit ?? true;
  const raw = text(env, 'ZSTACK_BROKER_URL');
  if (!raw)
    throw new PublishConfigError(
      'ZSTACK_BROKER_URL',
      'required: the Pact Broker or PactFlow address, e.g. https://example.pactflow.io',
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublishConfigError('ZSTACK_BROKER_URL', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PublishConfigError('ZSTACK_BROKER_URL', `expected http:// or https://, got "${url.protocol}"`);
  if (url.username || url.password)
    throw new PublishConfigError(
      'ZSTACK_BROKER_URL',
      'must not contain credentials; use ZSTACK_BROKER_TOKEN or ZSTACK_BROKER_USERNAME/ZSTACK_BROKER_PASSWORD',
    );

  const token = text(env, 'ZSTACK_BROKER_TOKEN');
  const username = text(env, 'ZSTACK_BROKER_USERNAME');
  const password = env['ZSTACK_BROKER_PASSWORD'];
  registerSecret(token);
  registerSecret(password);
  if (token && (username || password))
    throw new PublishConfigError('ZSTACK_BROKER_TOKEN', 'set a token or a username/password, not both');
  if (!token && Boolean(username) !== Boolean(password)) {
    throw new PublishConfigError(
      username ? 'ZSTACK_BROKER_PASSWORD' : 'ZSTACK_BROKER_USERNAME',
      'username and password go together',
    );
  }
  const auth: PublishConfig['auth'] = token
    ? { kind: 'token', token }
    : username && password
      ? { kind: 'basic', username, password }
      : { kind: 'none' };

  const consumerVersion =
    text(env, 'ZSTACK_PACT_CONSUMER_VERSION') ?? (useGit ? git(['rev-parse', '--short', 'HEAD']) : undefined);
  if (!consumerVersion)
    throw new PublishConfigError(
      'ZSTACK_PACT_CONSUMER_VERSION',
      'required (no git commit to default to): e.g. the commit sha or release of this suite',
    );
  const branch = text(env, 'ZSTACK_PACT_BRANCH') ?? (useGit ? git(['branch', '--show-current']) : undefined);
  const tags = (text(env, 'ZSTACK_PACT_TAGS') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const timeout = text(env, 'ZSTACK_BROKER_TIMEOUT_MS') ?? '30000';
  if (!/^\d+$/.test(timeout) || Number(timeout) < 100)
    throw new PublishConfigError('ZSTACK_BROKER_TIMEOUT_MS', `expected milliseconds (>= 100), got "${timeout}"`);
  return {
    brokerUrl: url.href.replace(/\/+$/, ''),
    auth,
    consumerVersion,
    branch,
    tags,
    buildUrl: text(env, 'ZSTACK_PACT_BUILD_URL'),
    pactDir: text(env, 'ZSTACK_PACT_DIR') ?? PACT_DIR,
    timeoutMs: Number(timeout),
  };
}

export interface PactDoc {
  file: string;
  consumer: string;
  provider: string;
  content: string;
}

export function readPacts(dir: string): PactDoc[] {
  if (!existsSync(dir))
    throw new PublishConfigError(
      'ZSTACK_PACT_DIR',
      `${dir} does not exist: run \`npm run conformance\` (or the pact-consumer project) first`,
    );
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const content = readFileSync(join(dir, f), 'utf8');
      const pact = JSON.parse(content) as { consumer?: { name?: string }; provider?: { name?: string } };
      if (!pact.consumer?.name || !pact.provider?.name)
        throw new PublishConfigError('ZSTACK_PACT_DIR', `${f} is not a pact file (no consumer/provider name)`);
      return { file: join(dir, f), consumer: pact.consumer.name, provider: pact.provider.name, content };
    });
  if (docs.length === 0)
    throw new PublishConfigError('ZSTACK_PACT_DIR', `no pact files in ${dir}: run \`npm run conformance\` first`);
  return docs;
}

function authHeader(auth: PublishConfig['auth']): Record<string, string> {
  if (auth.kind === 'token') return { Authorization: `Bearer ${auth.token}` };
  if (auth.kind === 'basic') {
    const value = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
    registerSecret(value);
    return { Authorization: `Basic ${value}` };
  }
  return {};
}

interface BrokerReply {
  status: number;
  text: string;
  json: unknown;
}

async function send(cfg: PublishConfig, method: string, path: string, body: unknown): Promise<BrokerReply> {
  const url = cfg.brokerUrl + path;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/hal+json, application/json',
        ...authHeader(cfg.auth),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(cfg.timeoutMs),
      redirect: 'manual',
    });
  } catch (e) {
    const reason =
      e instanceof Error && e.name === 'TimeoutError'
        ? `no answer within ${cfg.timeoutMs} ms (ZSTACK_BROKER_TIMEOUT_MS)`
        : String((e as { cause?: { code?: string } }).cause?.code ?? (e instanceof Error ? e.message : e));
    throw new PublishError(`pact:publish: could not reach the broker at ${cfg.brokerUrl}: ${reason}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

function refusal(cfg: PublishConfig, method: string, path: string, r: BrokerReply): PublishError {
  const hint =
    r.status === 401
      ? ' (check ZSTACK_BROKER_TOKEN or ZSTACK_BROKER_USERNAME/ZSTACK_BROKER_PASSWORD)'
      : r.status === 403
        ? ' (the credentials lack permission to publish)'
        : '';
  const said = brokerMessage(r);
  return new PublishError(
    `pact:publish: the broker refused the pacts: HTTP ${r.status} for ${method} ${cfg.brokerUrl}${path}${hint}${said ? `: ${said}` : ''}`,
    r.status,
  );
}

/** The broker's own explanation (errors / notices / title), on one line. */
function brokerMessage(r: BrokerReply): string {
  const j = r.json as { errors?: unknown; title?: string; notices?: Array<{ text?: string }> } | undefined;
  let msg = '';
  if (j && typeof j === 'object') {
    if (j.errors) msg = typeof j.errors === 'string' ? j.errors : JSON.stringify(j.errors);
    else if (j.title) msg = j.title;
  } else msg = r.text;
  return msg.replace(/\s+/g, ' ').trim().slice(0, 300);
}

export interface PublishResult {
  endpoint: 'contracts/publish' | 'pacts';
  published: string[];
  notices: string[];
}

export async function publishPacts(cfg: PublishConfig): Promise<PublishResult> {
  const docs = readPacts(cfg.pactDir);
  const consumers = [...new Set(docs.map((d) => d.consumer))];
  if (consumers.length !== 1)
    throw new PublishConfigError(
      'ZSTACK_PACT_DIR',
      `pacts of several consumers (${consumers.join(', ')}); publish one consumer at a time`,
    );
  const consumer = consumers[0];
  const published = docs.map((d) => `${d.consumer} -> ${d.provider}`);

  const body = {
    pacticipantName: consumer,
    pacticipantVersionNumber: cfg.consumerVersion,
    ...(cfg.branch ? { branch: cfg.branch } : {}),
    ...(cfg.tags.length ? { tags: cfg.tags } : {}),
    ...(cfg.buildUrl ? { buildUrl: cfg.buildUrl } : {}),
    contracts: docs.map((d) => ({
      consumerName: d.consumer,
      providerName: d.provider,
      specification: 'pact',
      contentType: 'application/json',
      content: Buffer.from(d.content, 'utf8').toString('base64'),
    })),
  };
  const r = await send(cfg, 'POST', '/contracts/publish', body);
  if (r.status === 200 || r.status === 201) {
    const notices = ((r.json as { notices?: Array<{ text?: string }> } | undefined)?.notices ?? [])
      .map((n) => redact(String(n.text ?? '')))
      .filter(Boolean);
    return { endpoint: 'contracts/publish', published, notices };
  }
  if (r.status !== 404) throw refusal(cfg, 'POST', '/contracts/publish', r);

  // An older Pact Broker without the publish endpoint: the classic per-pact API.
  const enc = encodeURIComponent;
  const version = `/pacticipants/${enc(consumer)}/versions/${enc(cfg.consumerVersion)}`;
  for (const d of docs) {
    const path = `/pacts/provider/${enc(d.provider)}/consumer/${enc(d.consumer)}/version/${enc(cfg.consumerVersion)}`;
    const p = await send(cfg, 'PUT', path, JSON.parse(d.content));
    if (p.status < 200 || p.status > 299) throw refusal(cfg, 'PUT', path, p);
  }
  if (cfg.branch) {
    const path = `/pacticipants/${enc(consumer)}/branches/${enc(cfg.branch)}/versions/${enc(cfg.consumerVersion)}`;
    const b = await send(cfg, 'PUT', path, {});
    if (b.status < 200 || b.status > 299) throw refusal(cfg, 'PUT', path, b);
  }
  for (const tag of cfg.tags) {
    const path = `${version}/tags/${enc(tag)}`;
    const t = await send(cfg, 'PUT', path, {});
    if (t.status < 200 || t.status > 299) throw refusal(cfg, 'PUT', path, t);
  }
  return { endpoint: 'pacts', published, notices: [] };
}
