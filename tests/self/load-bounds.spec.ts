// The load bound (ZSTACK_MAX_IN_FLIGHT, ZSTACK_MAX_RPS) and back-pressure (429, or 503 with Retry-After), against
// small loopback servers that count what they receive.
import { test, expect } from '@playwright/test';
import { readConfig } from '../../src/config.ts';
import { Transport, TransportError, retryAfterMs } from '../../src/client/transport.ts';
import { ZStackClient } from '../../src/client/zstack-client.ts';
import { LoadLimiter, shareOf } from '../../src/client/load-limiter.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { serve } from '../../fixtures/hostile-server.ts';

/** A server that answers after `delayMs` and records the most requests it had in hand at once. */
async function countingServer(delayMs: number) {
  let now = 0;
  const stats = { max: 0, total: 0 };
  const s = await serve((_q, res) => {
    now++;
    stats.total++;
    stats.max = Math.max(stats.max, now);
    setTimeout(() => {
      now--;
      res.writeHead(200);
      res.end('{}');
    }, delayMs);
  });
  return { ...s, stats };
}

const get = (t: Transport, url: string, n: number) =>
  Promise.all(Array.from({ length: n }, () => t.send({ method: 'GET', url, headers: {} })));

test('no more requests in flight than the bound allows', async () => {
  const s = await countingServer(40);
  const bounded = new Transport({
    timeoutMs: 5000,
    maxResponseBytes: 1024,
    limits: { maxInFlight: 3, maxRps: 100_000 },
  });
  await get(bounded, s.url, 24);
  expect(s.stats.max).toBe(3);
  // the same burst without a bound: the server sees far more at once, so the bound above is what held it
  s.stats.max = 0;
  const unbounded = new Transport({ timeoutMs: 5000, maxResponseBytes: 1024 });
  await get(unbounded, s.url, 24);
  expect(s.stats.max).toBeGreaterThan(3);
  bounded.close();
  unbounded.close();
  await s.close();
});

test('request starts are spaced by the requests-per-second bound', async () => {
  const s = await countingServer(0);
  const t = new Transport({ timeoutMs: 5000, maxResponseBytes: 1024, limits: { maxInFlight: 64, maxRps: 40 } });
  const started = Date.now();
  await get(t, s.url, 21);
  // 21 starts at 40/s: 20 gaps of 25 ms
  expect(Date.now() - started).toBeGreaterThanOrEqual(490);
  t.close();
  await s.close();
});

test('a rate bound above 1000/s is not cut to 1000/s by the timer, and still holds over time', async () => {
  const acquireAll = async (limiter: LoadLimiter, n: number) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) (await limiter.acquire())();
    return performance.now() - started;
  };
  // 200 starts at 100 000/s are due within 2 ms; a 1 ms timer per start would take 200 ms
  expect(await acquireAll(new LoadLimiter({ maxInFlight: 8, maxRps: 100_000 }), 200)).toBeLessThan(50);
  // 201 starts at 2000/s: 200 gaps of 0.5 ms, less the 1 ms a start may run ahead
  expect(await acquireAll(new LoadLimiter({ maxInFlight: 8, maxRps: 2000 }), 201)).toBeGreaterThanOrEqual(98);
});

test("the run's bound is shared among its workers, and the defaults are gentle for a remote target", () => {
  expect(shareOf({ maxInFlight: 8, maxRps: 50 }, 2)).toEqual({ maxInFlight: 4, maxRps: 25 });
  expect(shareOf({ maxInFlight: 1, maxRps: 3 }, 4)).toEqual({ maxInFlight: 1, maxRps: 0.75 });
  const remote = readConfig({ ZSTACK_BASE_URL: 'http://h:8080', ZSTACK_PASSWORD: 'p' });
  expect(remote.load).toEqual({ maxInFlight: 8, maxRps: 50 });
  expect(
    readConfig({
      ZSTACK_BASE_URL: 'http://h:8080',
      ZSTACK_PASSWORD: 'p',
      ZSTACK_MAX_IN_FLIGHT: '2',
      ZSTACK_MAX_RPS: '5',
      ZSTACK_RUN_WORKERS: '2',
    }),
  ).toMatchObject({ load: { maxInFlight: 2, maxRps: 5 }, workers: 2 });
});

test('a 429 is retried after its Retry-After; a 503 with Retry-After too', async () => {
  for (const status of [429, 503]) {
    let n = 0;
    const s = await serve((_q, res) => {
      if (n++ === 0) {
        res.writeHead(status, { 'retry-after': '1' });
        res.end('slow down');
        return;
      }
      res.writeHead(200);
      res.end('{"ok": true}');
    });
    const t = new Transport({ timeoutMs: 5000, maxResponseBytes: 1024, retryAfterMaxMs: 5000 });
    const started = Date.now();
    const r = await t.send({ method: 'GET', url: s.url, headers: {} });
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(s.seen).toHaveLength(2);
    t.close();
    await s.close();
  }
});

test('a Retry-After beyond ZSTACK_RETRY_AFTER_MAX_MS fails at once with one line, instead of waiting', async () => {
  const s = await serve((_q, res) => {
    res.writeHead(429, { 'retry-after': '3600' });
    res.end();
  });
  const t = new Transport({ timeoutMs: 5000, maxResponseBytes: 1024, retryAfterMaxMs: 2000 });
  const started = Date.now();
  const err = await t.send({ method: 'GET', url: s.url, headers: {} }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TransportError);
  expect((err as Error).message).toMatch(
    /answered 429 and asks to wait 3600 s more .* beyond ZSTACK_RETRY_AFTER_MAX_MS=2000/,
  );
  expect((err as Error).message.split('\n')).toHaveLength(1);
  expect(Date.now() - started).toBeLessThan(1000);
  t.close();
  await s.close();
});

test("a job poll that fails with 503 and an ErrorCode is ZStack's API failure, not back-pressure: never retried", async () => {
  const errorCode = JSON.stringify({ error: { code: 'SYS.1007', description: 'One or more API argument is invalid' } });
  const s = await serve((req, res) => {
    if (req.method === 'PUT') {
      res.writeHead(202);
      res.end(JSON.stringify({ location: '/zstack/v1/api-jobs/j' }));
      return;
    }
    res.writeHead(503);
    res.end(errorCode);
  });
  const c = readConfig({ ZSTACK_BASE_URL: s.url, ZSTACK_PASSWORD: 'p', ZSTACK_POLL_INTERVAL_MS: '20' });
  const transport = new Transport({ timeoutMs: 2000, maxResponseBytes: 4096, retryAfterMaxMs: 30_000 });
  const zs = new ZStackClient(transport, c, loadValidatedContracts());
  zs.session = '0123456789abcdef0123456789abcdef';
  const x = await zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'pause' });
  expect(x.final.status).toBe(503);
  expect(s.seen).toEqual([
    'PUT /zstack/v1/iam2/organizations/' + 'a'.repeat(32) + '/actions',
    'GET /zstack/v1/api-jobs/j',
  ]);
  transport.close();
  await s.close();
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  expect(retryAfterMs('2')).toBe(2000);
  expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
  expect(retryAfterMs('soon')).toBeUndefined();
  expect(retryAfterMs(undefined)).toBeUndefined();
});
