// The target's ceiling for the suite's representative requests (a query, a state change with its job, an
// update with its job), measured by autocannon in its own process, beside the suite's own rate on exactly the
// same requests (the suite's client, the same number of connections, the same duration).
import { spawn } from 'node:child_process';
import type { Suite } from '../../src/suite.ts';
import type { WireRequest } from '../../src/exchange/exchange.ts';
import type { LoadJob, LoadResult } from './load-tool.ts';
import { bareOperation } from './raw-http.ts';

export interface Operation {
  name: string;
  /** sends the operation through the suite's client */
  send(): Promise<unknown>;
  /** the first request of the operation as the suite sent it */
  request: WireRequest;
  followJob: boolean;
}

export interface RateRow {
  name: string;
  ceilingOpsPerSec: number;
  ceilingLatencyP50Ms: number;
  suiteOpsPerSec: number;
  suiteRateOverCeiling: number;
  /** node:http alone in the suite's process, same request, same loops */
  bareOpsPerSec: number;
  bareRateOverCeiling: number;
  suiteRateOverBare: number;
  ceilingErrors: number;
}

export function runLoadTool(job: LoadJob): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/load-tool.ts', JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error('the load tool did not finish in time'));
      },
      (job.seconds + 60) * 1000,
    );
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`the load tool exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as LoadResult);
      } catch {
        reject(new Error(`the load tool printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

/**
 * Operations per second of `loops` loops of `send`, each starting the next as soon as the last ended, for `seconds`.
 */
async function opsPerSecond(send: () => Promise<unknown>, loops: number, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (performance.now() < end) {
        await send();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** The suite's own rate: `connections` loops of the operation through the suite's client for `seconds`. */
export async function suiteRate(
  op: Operation,
  connections: number,
  seconds: number,
  warm: () => Promise<unknown>,
): Promise<number> {
  // the client's kept-alive connections sat idle while the load tool ran and the server may be closing them
  // (its keep-alive timeout): a GET first, retried once, so a PUT never meets a connection being closed
  await warm().catch(() => warm());
  return opsPerSecond(op.send, connections, seconds);
}

/** Bare node:http's rate on the load tool's own job, in this process. */
async function bareRate(job: LoadJob): Promise<number> {
  const bare = bareOperation(job);
  try {
    return await opsPerSecond(bare.send, job.connections, job.seconds);
  } finally {
    bare.close();
  }
}

export function loadJobOf(op: Operation, connections: number, seconds: number): LoadJob {
  const u = new URL(op.request.url);
  return {
    origin: u.origin,
    request: {
      method: op.request.method,
      path: u.pathname + u.search,
      headers: op.request.headers,
      ...(op.request.body !== undefined ? { body: op.request.body } : {}),
    },
    followJob: op.followJob,
    connections,
    seconds,
  };
}

export async function measureRates(
  suite: Suite,
  ops: Operation[],
  connections: number,
  seconds: number,
): Promise<RateRow[]> {
  const rows: RateRow[] = [];
  for (const op of ops) {
    const job = loadJobOf(op, connections, seconds);
    const ceiling = await runLoadTool(job);
    const bareOps = await bareRate(job);
    const suiteOps = await suiteRate(op, connections, seconds, () =>
      Promise.all(Array.from({ length: connections }, () => suite.zs.query('QueryIAM2Organization', { limit: 1 }))),
    );
    suite.zs.history.length = 0;
    rows.push({
      name: op.name,
      ceilingOpsPerSec: ceiling.opsPerSec,
      ceilingLatencyP50Ms: ceiling.latencyP50Ms,
      suiteOpsPerSec: suiteOps,
      suiteRateOverCeiling: suiteOps / ceiling.opsPerSec,
      bareOpsPerSec: bareOps,
      bareRateOverCeiling: bareOps / ceiling.opsPerSec,
      suiteRateOverBare: suiteOps / bareOps,
      ceilingErrors: ceiling.errors + ceiling.notDone,
    });
  }
  return rows;
}
