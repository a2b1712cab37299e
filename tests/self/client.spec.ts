// The client against hostile or broken endpoints (small node:http servers on loopback): every failure is a
// readable, bounded, redacted error, never a hang; and the job protocol follows ZStack's rules.
import { test, expect } from '@playwright/test';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../fixtures/loopback.ts';
import { readConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';
import { Transport, TransportError } from '../../src/client/transport.ts';
import { ZStackClient, sha512Hex } from '../../src/client/zstack-client.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { curlLine } from '../../src/reporting/transcript.ts';
import { redact, registerSecret } from '../../src/reporting/redact.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => handler(req, res, body));
  });
  return listenOnLoopback(server);
}

const PASSWORD = 'hunter2-secret-password';
const config = (baseUrl: string, extra: Record<string, string> = {}) =>
  readConfig({
    ZSTACK_BASE_URL: baseUrl,
    ZSTACK_PASSWORD: PASSWORD,
    ZSTACK_REQUEST_TIMEOUT_MS: '800',
    ZSTACK_JOB_TIMEOUT_MS: '1000',
    ZSTACK_POLL_INTERVAL_MS: '50',
    ...extra,
  });

async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected a failure');
}

test('an unreachable endpoint is one readable line', async () => {
  const s = await serve(() => undefined);
  const url = s.url;
  await s.close();
  const msg = await failureOf(openSuite(config(url)));
  expect(msg).toContain('connection refused');
  expect(msg).not.toContain(PASSWORD);
  expect(msg).not.toContain(sha512Hex(PASSWORD));
});

test('an endpoint that never answers times out within the request bound', async () => {
  const s = await serve(() => undefined);
  const started = Date.now();
  const msg = await failureOf(openSuite(config(s.url)));
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(msg).toMatch(/no answer within 800 ms/);
  await s.close();
});

test('a non-JSON login answer is a setup error that shows what came back, without secrets', async () => {
  const s = await serve((_q, res, body) => {
    res.writeHead(200);
    res.end(`<html>proxy login page ${body.length}</html>`);
  });
  const msg = await failureOf(openSuite(config(s.url)));
  expect(msg).toMatch(/login as "admin" failed: HTTP 200 <html>proxy login page/);
  expect(msg).not.toContain(sha512Hex(PASSWORD));
  await s.close();
});

test('an oversized body is cut at the bound and not parsed', async () => {
  const s = await serve((_q, res) => {
    res.writeHead(200);
    res.end(JSON.stringify({ inventories: 'x'.repeat(5000) }));
  });
  const t = new Transport({ timeoutMs: 1000, maxResponseBytes: 1024 });
  const r = await t.send({ method: 'GET', url: s.url, headers: {} });
  expect(r.truncated).toBe(true);
  expect(r.text.length).toBe(1024);
  expect(r.json).toBeUndefined();
  t.close();
  await s.close();
});

test('a transport error never carries the session', async () => {
  const t = new Transport({ timeoutMs: 500, maxResponseBytes: 1024 });
  const session = 'feedfacefeedfacefeedfacefeedface';
  registerSecret(session);
  const err = await t
    .send({
      method: 'GET',
      url: 'http://127.0.0.1:9/zstack/v1/accounts/sessions/' + session,
      headers: { Authorization: `OAuth ${session}` },
    })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TransportError);
  expect((err as Error).message).not.toContain(session);
  t.close();
});

test.describe('async jobs', () => {
  const contracts = loadValidatedContracts();
  async function client(handler: Handler) {
    const s = await serve(handler);
    const c = config(s.url);
    const transport = new Transport({ timeoutMs: c.requestTimeoutMs, maxResponseBytes: c.maxResponseBytes });
    const zs = new ZStackClient(transport, c, contracts);
    zs.session = '0123456789abcdef0123456789abcdef';
    return {
      zs,
      close: async () => {
        transport.close();
        await s.close();
      },
    };
  }

  test('a location on another host is polled at the configured base, keeping the path', async () => {
    const seen: string[] = [];
    const { zs, close } = await client((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.host}`);
      if (req.method === 'PUT') {
        res.writeHead(202);
        res.end(JSON.stringify({ location: 'http://10.255.0.1:8080/zstack/v1/api-jobs/abc' }));
        return;
      }
      res.writeHead(200);
      res.end(JSON.stringify({ inventory: { uuid: 'x' } }));
    });
    const x = await zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'enable' });
    expect(x.final.status).toBe(200);
    expect(seen[1]).toMatch(/^GET \/zstack\/v1\/api-jobs\/abc 127\.0\.0\.1:\d+$/);
    await close();
  });

  test('a job that never ends is reported as unsettled at the deadline, not a hang', async () => {
    const { zs, close } = await client((req, res) => {
      res.writeHead(202);
      res.end(req.method === 'PUT' ? JSON.stringify({ location: '/zstack/v1/api-jobs/x' }) : '{}');
    });
    const started = Date.now();
    const x = await zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'enable' });
    expect(x.unsettled).toBe('job-timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    await close();
  });

  test('a 202 without location is unsettled, not an exception', async () => {
    const { zs, close } = await client((_q, res) => {
      res.writeHead(202);
      res.end('accepted');
    });
    const x = await zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'enable' });
    expect(x.unsettled).toBe('no-job-location');
    await close();
  });

  test('requests are what the SDK sends: OAuth header, JSON body under the action key', async () => {
    let seen: { auth?: string; type?: string; body?: string } = {};
    const { zs, close } = await client((req, res, body) => {
      seen = { auth: req.headers.authorization, type: req.headers['content-type'], body };
      res.writeHead(200);
      res.end('{}');
    });
    await zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'disable' }, { systemTags: [] });
    expect(seen.auth).toBe('OAuth 0123456789abcdef0123456789abcdef');
    expect(seen.type).toBe('application/json;charset=UTF-8');
    expect(JSON.parse(seen.body ?? '')).toEqual({
      changeIAM2OrganizationState: { stateEvent: 'disable' },
      systemTags: [],
    });
    await close();
  });
});

test('curl lines replace the session with $ZSTACK_SESSION and redact passwords', () => {
  const session = 'b86c9016b4f24953a9edefb53ca0678c';
  registerSecret(session);
  const line = curlLine({
    method: 'PUT',
    url: 'http://h/zstack/v1/accounts/login',
    headers: { Authorization: `OAuth ${session}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ logInByAccount: { accountName: 'admin', password: sha512Hex('x') } }),
  });
  expect(line).toContain('"Authorization: OAuth $ZSTACK_SESSION"');
  expect(line).not.toContain(session);
  expect(line).not.toContain(sha512Hex('x'));
  expect(redact(`DELETE /zstack/v1/accounts/sessions/${'c'.repeat(32)}`)).toBe(
    'DELETE /zstack/v1/accounts/sessions/[REDACTED]',
  );
});
