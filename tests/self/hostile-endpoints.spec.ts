// Hostile and broken endpoints (small servers on loopback, fixtures/hostile-server.ts): each ends in one
// readable line within its bound, shows no secret, and leaves the client usable for the next request (the run
// goes on). Connection refused, an endpoint that never answers, a non-JSON login answer, an oversized body and
// a job that never ends are in client.spec.ts.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';
import { Transport } from '../../src/client/transport.ts';
import { ZStackClient, sha512Hex } from '../../src/client/zstack-client.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { JobBreaker, JobBoundExceededError } from '../../src/safety/job-breaker.ts';
import { serve, type Handler } from '../../fixtures/hostile-server.ts';

const PASSWORD = 'canary-hostile-9f3a1c';
const REQUEST_BOUND_MS = 800;
const config = (baseUrl: string, extra: Record<string, string> = {}) =>
  readConfig({
    ZSTACK_BASE_URL: baseUrl,
    ZSTACK_PASSWORD: PASSWORD,
    ZSTACK_REQUEST_TIMEOUT_MS: String(REQUEST_BOUND_MS),
    ZSTACK_JOB_TIMEOUT_MS: '1000',
    ZSTACK_POLL_INTERVAL_MS: '50',
    ZSTACK_MAX_RESPONSE_BYTES: '65536',
    ...extra,
  });

const LOGIN_OK = JSON.stringify({
  inventory: {
    uuid: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
    accountUuid: 'f'.repeat(32),
    createDate: 'Jan 6, 2017 3:51:16 AM',
  },
});
const healthy: Handler = (_q, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(LOGIN_OK);
};

/**
 * Logs in against a hostile endpoint: the failure's one line and how long it took; then proves the process still talks
 * to a healthy one.
 */
async function loginFailure(url: string, extra: Record<string, string> = {}): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  let message = '';
  try {
    const suite = await openSuite(config(url, extra));
    await suite.close();
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  const ms = Date.now() - started;
  expect(message, 'expected the login to fail').not.toBe('');
  expect(message.split('\n'), message).toHaveLength(1);
  expect(message).not.toContain(PASSWORD);
  expect(message).not.toContain(sha512Hex(PASSWORD));
  // the run goes on: the next suite, on a working endpoint, logs in
  const good = await serve(healthy);
  const suite = await openSuite(config(good.url));
  expect(suite.zs.session).toBe('a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5');
  await suite.close();
  await good.close();
  return { message, ms };
}

test('a connection reset in the middle of the body is one line, at once', async () => {
  const s = await serve((_q, res) => {
    res.writeHead(200, { 'content-length': '1000' });
    res.write('{"inventory": {"uuid": "');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  const { message, ms } = await loginFailure(s.url);
  expect(message).toMatch(/connection reset by the endpoint in the middle of the body \(after \d+ bytes\)/);
  expect(ms).toBeLessThan(REQUEST_BOUND_MS + 2_000);
  await s.close();
});

test('a body that drips a byte at a time ends at the request bound, not later', async () => {
  const timers: NodeJS.Timeout[] = [];
  const s = await serve((_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    timers.push(setInterval(() => res.write(' '), 50));
  });
  const { message, ms } = await loginFailure(s.url);
  expect(message).toMatch(
    new RegExp(
      `the body was still arriving after ${REQUEST_BOUND_MS} ms \\(\\d+ bytes so far; ZSTACK_REQUEST_TIMEOUT_MS\\)`,
    ),
  );
  expect(ms).toBeGreaterThanOrEqual(REQUEST_BOUND_MS - 50);
  expect(ms).toBeLessThan(REQUEST_BOUND_MS + 2_000);
  timers.forEach(clearInterval);
  await s.close();
});

test('headers and then silence is a body still arriving (0 bytes), not "no answer": the reply breaker counts it', async () => {
  const s = await serve((_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
  });
  const { message, ms } = await loginFailure(s.url);
  expect(message).toContain(
    `the body was still arriving after ${REQUEST_BOUND_MS} ms (0 bytes so far; ZSTACK_REQUEST_TIMEOUT_MS)`,
  );
  expect(ms).toBeLessThan(REQUEST_BOUND_MS + 2_000);
  await s.close();
});

test('a huge body is cut at ZSTACK_MAX_RESPONSE_BYTES as it streams, long before the request bound', async () => {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const s = await serve((req, res) => {
    res.writeHead(200);
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) written += chunk.length;
    };
    res.on('drain', pump);
    req.socket.on('close', () => res.destroy());
    pump();
  });
  const { message, ms } = await loginFailure(s.url, { ZSTACK_REQUEST_TIMEOUT_MS: '10000' });
  expect(message).toMatch(/^login as "admin" failed: HTTP 200 x{10}/);
  // read as a stream and dropped at the cap: a client that buffers the whole body would run to the 10 s bound
  expect(ms).toBeLessThan(5_000);
  expect(written).toBeLessThan(64 * 1024 * 1024);
  await s.close();
});

test('JSON of the wrong shape is a setup error that says what came back', async () => {
  const s = await serve((_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ inventory: ['not', 'an', 'object'] }));
  });
  const { message } = await loginFailure(s.url);
  expect(message).toBe('login as "admin" failed: HTTP 200 {"inventory":["not","an","object"]}');
  await s.close();
});

test('a 5xx with an HTML page is one line naming the status', async () => {
  const s = await serve((_q, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\nnginx\n</body>\n</html>\n');
  });
  const { message } = await loginFailure(s.url);
  expect(message).toBe(
    'login as "admin" failed: HTTP 502 <html> <head><title>502 Bad Gateway</title></head> <body> nginx </body> </html>',
  );
  await s.close();
});

test('a redirect to another host is not followed: the credentials never reach it', async () => {
  const elsewhere = await serve(healthy);
  const s = await serve((req, res) => {
    res.writeHead(307, { location: `${elsewhere.url}${req.url}` });
    res.end();
  });
  const { message } = await loginFailure(s.url);
  expect(message).toMatch(/^login as "admin" failed: HTTP 307/);
  expect(elsewhere.seen).toEqual([]);
  await s.close();
  await elsewhere.close();
});

test.describe('TLS with a self-signed certificate', () => {
  test.skip(!hasOpenssl(), 'openssl is not installed');
  let dir = '';
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zc-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
  });
  const tls = () => ({
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  });

  test('is refused by default, with the settings that would accept it', async () => {
    const s = await serve(healthy, tls());
    const { message } = await loginFailure(s.url);
    expect(message).toContain(
      'TLS refused: the certificate is self-signed (trust its CA with ZSTACK_CA_FILE, or opt out with ZSTACK_TLS_INSECURE=true)',
    );
    expect(s.seen).toEqual([]);
    await s.close();
  });

  test('is accepted when ZSTACK_CA_FILE names its certificate, or with the explicit ZSTACK_TLS_INSECURE opt-in', async () => {
    const s = await serve(healthy, tls());
    const optIns: Array<Record<string, string>> = [
      { ZSTACK_CA_FILE: join(dir, 'cert.pem') },
      { ZSTACK_TLS_INSECURE: 'true' },
    ];
    for (const extra of optIns) {
      const suite = await openSuite(config(s.url, extra));
      expect(suite.zs.session).toBe('a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5');
      await suite.close();
    }
    await s.close();
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('after the first job that outlives its bound, every later call of the run, in any worker, fails at once with that reason', async () => {
  const s = await serve((req, res) => {
    res.writeHead(202);
    res.end(req.method === 'PUT' ? JSON.stringify({ location: '/zstack/v1/api-jobs/x' }) : '{}');
  });
  const marker = join(mkdtempSync(join(tmpdir(), 'zc-run-')), 'job-bound-exceeded');
  const contracts = loadValidatedContracts();
  // two clients with one marker file: two workers of one run
  const worker = () => {
    const c = config(s.url);
    const zs = new ZStackClient(
      new Transport({ timeoutMs: c.requestTimeoutMs, maxResponseBytes: c.maxResponseBytes }),
      c,
      contracts,
    );
    zs.session = '0123456789abcdef0123456789abcdef';
    zs.guards.push(new JobBreaker(marker));
    return zs;
  };
  const [a, b] = [worker(), worker()];
  const call = (zs: ZStackClient) =>
    zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'enable' });
  let started = Date.now();
  const first = await call(a);
  expect(first.unsettled).toBe('job-timeout');
  // polling stops when the next poll would pass the bound (1000 ms, polls every 50 ms)
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(existsSync(marker)).toBe(true);
  for (const zs of [b, a]) {
    started = Date.now();
    const err = await call(zs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobBoundExceededError);
    expect((err as Error).message).toMatch(
      /^not sent: an earlier job of this run outlived its bound.*still pending after 1000 ms/,
    );
    expect(Date.now() - started).toBeLessThan(200);
  }
  const polls = s.seen.length;
  expect(polls).toBeGreaterThan(2);
  await s.close();
});
