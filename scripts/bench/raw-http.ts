// Round-trip times with the least client there is: node:http over one kept-alive connection, one request
// after another. What the suite's client adds on top of this is the client's cost, not the target's.
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function once(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 30 s`)));
    req.on('error', reject);
    req.end();
  });
}

export interface Latency { medianMs: number; p90Ms: number; n: number }

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
