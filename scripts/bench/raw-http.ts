// Round-trip times with the least client there is: node:http over one kept-alive connection, one request
// after another. What the suite's client adds on top of this is the client's cost, not the target's.
import { Agent, request } from 'node:http';
import type { LoadJob } from './load-tool.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request with node:http alone: its body text and how long it took. */
function send(
  pool: Agent,
  url: string,
  opts: { method?: string; headers: Record<string, string>; body?: string },
): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent: pool, method: opts.method ?? 'GET', headers: opts.headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 30 s`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

const once = async (url: string, headers: Record<string, string>): Promise<number> =>
  (await send(agent, url, { headers })).ms;

export interface Latency {
  medianMs: number;
  p90Ms: number;
  n: number;
}

/** `n` sequential GETs after a few warm-ups; their median and 90th percentile. */
export async function sequentialLatency(url: string, headers: Record<string, string>, n: number): Promise<Latency> {
  for (let i = 0; i < 3; i++) await once(url, headers);
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await once(url, headers));
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(n / 2)], p90Ms: times[Math.floor(n * 0.9)], n };
}

export function closeRawHttp(): void {
  agent.destroy();
}

/**
 * The least client's version of the load tool's operation, for a rate in the suite's own process: node:http
 * sends exactly the load tool's request (and the one poll of its job) over a pool of `job.connections`.
 */
export function bareOperation(job: LoadJob): { send(): Promise<void>; close(): void } {
  const pool = new Agent({ keepAlive: true, maxSockets: job.connections });
  const { method, path, headers, body } = job.request;
  return {
    async send() {
      const { text } = await send(pool, job.origin + path, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      if (!job.followJob) return;
      const loc = (JSON.parse(text) as { location?: string }).location ?? '';
      const at = loc.indexOf('/zstack/v1/api-jobs/');
      if (at >= 0)
        await send(pool, job.origin + loc.slice(at), { headers: { Authorization: headers['Authorization'] ?? '' } });
    },
    close: () => pool.destroy(),
  };
}
