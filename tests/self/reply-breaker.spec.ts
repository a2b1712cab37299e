// The reply breaker's rule (src/safety/reply-breaker.ts), with two clients sharing one run directory as two
// workers of a run do, against a loopback server whose query of projects sends its headers and then drips:
// one dripping reply fails only its own call; the second trips the breaker, and every later call of the run
// fails at once with one line, except the cleanup's deletes (until a delete's reply drips too). A reply that
// never starts is not counted. The whole run being stopped is in reply-breaker-run.spec.ts.
import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config.ts';
import { Transport, TransportError } from '../../src/client/transport.ts';
import { ZStackClient } from '../../src/client/zstack-client.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { ReplyBreaker, RepliesNeverFinishError } from '../../src/safety/reply-breaker.ts';
import { serve, type Served } from '../../fixtures/hostile-server.ts';

const REQUEST_BOUND_MS = 600;
const SESSION = '0123456789abcdef0123456789abcdef';
const UUID = 'a'.repeat(32);
const contracts = loadValidatedContracts();

/**
 * Queries of projects drip (or, with `silent`, never start); organizations answer; a delete answers at once or drips.
 */
async function endpoint(opts: { silent?: boolean; deletesDrip?: boolean } = {}): Promise<Served & { stop(): void }> {
  const timers: NodeJS.Timeout[] = [];
  const s = await serve((req, res) => {
    const drips =
      (req.method === 'GET' && req.url?.startsWith('/zstack/v1/iam2/projects')) ||
      (req.method === 'DELETE' && opts.deletesDrip);
    if (drips && opts.silent) return; // no headers, ever
    if (drips) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      timers.push(setInterval(() => res.write(' '), 100));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.method === 'GET' ? '{"inventories":[]}' : '{}');
  });
  return { ...s, stop: () => timers.forEach(clearInterval) };
}

/** n clients with their own transports and one run directory: n workers of one run. */
function workers(url: string, n: number): { clients: ZStackClient[]; dir: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'zc-run-')), 'run');
  const config = readConfig({
    ZSTACK_BASE_URL: url,
    ZSTACK_PASSWORD: 'password',
    ZSTACK_REQUEST_TIMEOUT_MS: String(REQUEST_BOUND_MS),
  });
  const clients = Array.from({ length: n }, () => {
    const zs = new ZStackClient(
      new Transport({ timeoutMs: config.requestTimeoutMs, maxResponseBytes: config.maxResponseBytes }),
      config,
      contracts,
    );
    zs.session = SESSION;
    zs.guards.push(new ReplyBreaker(dir));
    return zs;
  });
  return { clients, dir };
}

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const dripped = (zs: ZStackClient) => failure(zs.query('QueryIAM2Project'));
const healthy = (zs: ZStackClient) => zs.query('QueryIAM2Organization');
const remove = (zs: ZStackClient) => zs.call('DeleteIAM2Organization', { uuid: UUID });

test('one reply that drips past the request bound fails its own call only: healthy replies after it go on and nothing trips', async () => {
  const s = await endpoint();
  const {
    clients: [a, b],
    dir,
  } = workers(s.url, 2);
  try {
    const err = await dripped(a);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).stall?.bytes).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) for (const zs of [a, b]) expect((await healthy(zs)).final.status).toBe(200);
    expect((await remove(b)).final.status).toBe(200);
    expect(new ReplyBreaker(dir).tripped()).toBeUndefined();
  } finally {
    s.stop();
    await s.close();
  }
});

test("the second dripping reply of the run, in any worker, trips it: every later call fails at once with one line, the cleanup's deletes still go out", async () => {
  const s = await endpoint();
  const {
    clients: [a, b],
    dir,
  } = workers(s.url, 2);
  try {
    await dripped(a);
    expect(await dripped(b)).toBeInstanceOf(TransportError);
    const line = new ReplyBreaker(dir).tripped();
    expect(line).toMatch(
      new RegExp(
        `^the endpoint's replies never finish: GET /zstack/v1/iam2/projects sent headers and \\d+ bytes?, then kept dripping past ZSTACK_REQUEST_TIMEOUT_MS=${REQUEST_BOUND_MS}$`,
      ),
    );
    const seen = s.seen.length;
    for (const zs of [a, b]) {
      const started = Date.now();
      const err = await failure(healthy(zs));
      expect(err).toBeInstanceOf(RepliesNeverFinishError);
      const message = (err as Error).message;
      expect(message).toBe(`not sent: ${line}; the rest of the run fails at once`);
      expect(message.split('\n')).toHaveLength(1);
      expect((err as Error).stack, 'no call stack in the report').toBe(`RepliesNeverFinishError: ${message}`);
      expect(message).not.toContain(SESSION);
      expect(Date.now() - started).toBeLessThan(200);
    }
    expect(s.seen.length, 'refused calls are not sent').toBe(seen);
    expect((await remove(a)).final.status, 'a delete of the cleanup is sent').toBe(200);
    expect(s.seen.slice(seen)).toEqual([`DELETE /zstack/v1/iam2/organizations/${UUID}`]);
  } finally {
    s.stop();
    await s.close();
  }
});

test("once a delete's reply dripped too, the cleanup is refused as well (the teardown, which has no breaker, deletes)", async () => {
  const s = await endpoint({ deletesDrip: true });
  const {
    clients: [a, b],
    dir,
  } = workers(s.url, 2);
  try {
    await dripped(a);
    expect(await failure(remove(b))).toBeInstanceOf(TransportError);
    expect(new ReplyBreaker(dir).tripped()).toMatch(
      /, and so did DELETE \/zstack\/v1\/iam2\/organizations\/a{32} \(\d+ bytes?\)$/,
    );
    expect(await failure(remove(a))).toBeInstanceOf(RepliesNeverFinishError);
  } finally {
    s.stop();
    await s.close();
  }
});

test('replies that never start (no headers within the bound) are left to the request bound and do not trip the breaker', async () => {
  const s = await endpoint({ silent: true });
  const {
    clients: [a, b],
    dir,
  } = workers(s.url, 2);
  try {
    for (const zs of [a, b, a]) {
      const err = await dripped(zs);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).message).toContain(`no answer within ${REQUEST_BOUND_MS} ms`);
    }
    expect(new ReplyBreaker(dir).tripped()).toBeUndefined();
    expect((await healthy(a)).final.status).toBe(200);
  } finally {
    await s.close();
  }
});
