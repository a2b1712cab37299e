// Jobs are awaited at the speed they finish: a loopback server whose jobs end N ms after they were accepted,
// polled by the suite's own client. The pause between polls starts at 5 ms and doubles up to
// ZSTACK_POLL_INTERVAL_MS (here 1000 ms, so polling at a fixed interval would cost a whole second per job and
// fail these bounds by far; the bounds leave room for a loaded machine).
import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import { listenOnLoopback } from '../../fixtures/loopback.ts';
import { readConfig } from '../../src/config.ts';
import { pollDelay } from '../../src/client/jobs.ts';
import { Transport } from '../../src/client/transport.ts';
import { ZStackClient } from '../../src/client/zstack-client.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';

const contracts = loadValidatedContracts();
const INTERVAL_MS = 1000;

/** A target whose every job ends `jobMs` after its 202; counts the polls. */
async function jobsTaking(jobMs: number) {
  const readyAt = new Map<string, number>();
  let polls = 0;
  let next = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'PUT') {
        const id = String(++next);
        readyAt.set(id, Date.now() + jobMs);
        res.writeHead(202);
        res.end(JSON.stringify({ location: `http://127.0.0.1/zstack/v1/api-jobs/${id}` }));
        return;
      }
      polls++;
      const id = (req.url ?? '').split('/').pop() ?? '';
      if (Date.now() < (readyAt.get(id) ?? Infinity)) {
        res.writeHead(202);
        res.end('{}');
        return;
      }
      res.writeHead(200);
      res.end(JSON.stringify({ inventory: { uuid: 'a'.repeat(32), state: 'Enabled' } }));
    });
  });
  const { url, close } = await listenOnLoopback(server);
  const c = readConfig({
    ZSTACK_BASE_URL: url,
    ZSTACK_PASSWORD: 'x',
    ZSTACK_POLL_INTERVAL_MS: String(INTERVAL_MS),
    ZSTACK_JOB_TIMEOUT_MS: '10000',
  });
  const transport = new Transport({ timeoutMs: c.requestTimeoutMs, maxResponseBytes: c.maxResponseBytes });
  const zs = new ZStackClient(transport, c, contracts);
  zs.session = '0123456789abcdef0123456789abcdef';
  return {
    /** one state change and its job: wall time and the polls it took */
    async call(): Promise<{ ms: number; polls: number; status: number }> {
      const before = polls;
      const started = performance.now();
      const x = await zs.call('ChangeIAM2OrganizationState', { uuid: 'a'.repeat(32), stateEvent: 'enable' });
      return { ms: performance.now() - started, polls: polls - before, status: x.final.status };
    },
    async close() {
      transport.close();
      await close();
    },
  };
}

/** Polls a job of `jobMs` needs when every pending poll is followed by pollDelay(n) (requests taking no time). */
function pollsFor(jobMs: number): number {
  let t = 0;
  let n = 0;
  while (t < jobMs) t += pollDelay(n++, INTERVAL_MS);
  return n + 1;
}

test('the pause between polls grows 5, 10, 20, 40 ms ... up to the configured interval', () => {
  expect([0, 1, 2, 3, 4].map((n) => pollDelay(n, INTERVAL_MS))).toEqual([5, 10, 20, 40, 80]);
  expect(pollDelay(8, INTERVAL_MS)).toBe(INTERVAL_MS);
  expect(pollDelay(1000, INTERVAL_MS)).toBe(INTERVAL_MS);
  expect(pollDelay(3, 30)).toBe(30);
});

test('a job that ends at once costs one poll', async () => {
  const t = await jobsTaking(0);
  try {
    const r = await t.call();
    expect(r.status).toBe(200);
    expect(r.polls).toBe(1);
  } finally {
    await t.close();
  }
});

test('a 10 ms job costs about 10-20 ms, not a poll interval', async () => {
  const t = await jobsTaking(10);
  try {
    await t.call(); // warm the connection
    const runs = [await t.call(), await t.call(), await t.call()];
    const best = Math.min(...runs.map((r) => r.ms));
    test.info().annotations.push({
      type: 'measured',
      description: `10 ms job: ${runs.map((r) => `${r.ms.toFixed(1)} ms / ${r.polls} polls`).join(', ')}`,
    });
    for (const r of runs) expect(r.status).toBe(200);
    // polls at 0, 5, 15 ms: the job is seen done at about 15 ms
    for (const r of runs) expect(r.polls).toBeLessThanOrEqual(pollsFor(10) + 1);
    expect(best).toBeLessThan(INTERVAL_MS / 4);
  } finally {
    await t.close();
  }
});

test('a 3 s job costs few polls and ends within one interval of its end', async () => {
  const t = await jobsTaking(3000);
  try {
    const r = await t.call();
    test.info().annotations.push({ type: 'measured', description: `3 s job: ${r.ms.toFixed(0)} ms, ${r.polls} polls` });
    expect(r.status).toBe(200);
    expect(r.polls).toBeLessThanOrEqual(pollsFor(3000) + 1); // 11 polls: 8 growing pauses, then 1 s apart
    expect(r.ms).toBeGreaterThanOrEqual(3000);
    expect(r.ms).toBeLessThan(3000 + INTERVAL_MS + 1000);
  } finally {
    await t.close();
  }
});
