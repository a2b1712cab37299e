// Benchmark: how fast the suite runs against a target, and how close it comes to the target's raw HTTP
// ceiling. Bounded: a fixed number of requests and scenario rounds; loopback only (the embedded server by
// default, or ZSTACK_BASE_URL). Prints a markdown table; the README quotes its figures.
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { openSuite } from '../src/suite.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { ResourceKit } from '../src/resources/resource-kit.ts';
import { runChecks } from '../src/checks/index.ts';
import { spawn, type ChildProcess } from 'node:child_process';

const REQUESTS = Number(process.argv[2] ?? 2000);
const CONCURRENCY = 8;
const ROUNDS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The embedded server in its own process, so it does not share an event loop with the client measured. */
function startServerProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'reference-server/main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error('reference server did not start within 20 s')); }, 20_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ url: m[1], child }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`reference server exited (${code})`)); });
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const server = config.baseUrl ? undefined : await startServerProcess();
  const suite = await openSuite({ ...config, baseUrl: config.baseUrl ?? server?.url });
  const rows: string[] = ['| measure | value |', '|---|---|'];
  try {
    // 1. Raw ceiling: a plain GET query with Node's own fetch (keep-alive), CONCURRENCY at a time.
    const url = `${suite.zs.baseUrl}/zstack/v1/iam2/organizations?limit=1`;
    const headers = { Authorization: `OAuth ${suite.zs.session ?? ''}` };
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await (await fetch(url, { headers, signal: AbortSignal.timeout(config.requestTimeoutMs) })).arrayBuffer();
    }));
    const rawRps = REQUESTS / ((performance.now() - t0) / 1000);
    rows.push(`| raw HTTP ceiling: GET query, ${CONCURRENCY} concurrent, ${REQUESTS} requests | ${rawRps.toFixed(0)} req/s |`);

    // 2. The suite's client on the same query (Playwright's APIRequestContext, JSON parsing, exchange recording).
    next = 0;
    const t1 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await suite.zs.query('QueryIAM2Organization', { limit: 1 });
    }));
    const clientRps = REQUESTS / ((performance.now() - t1) / 1000);
    suite.zs.history.length = 0;
    rows.push(`| suite client, same query | ${clientRps.toFixed(0)} req/s (${((clientRps / rawRps) * 100).toFixed(0)} % of the ceiling) |`);

    // 3. Each conformance scenario end to end (calls, polls, queries, checks, cleanup), median of ROUNDS.
    let observations = 0;
    for (const s of SCENARIOS) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const out = await runScenario(s, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas);
        times.push(performance.now() - t);
        observations = out.observations.length;
        if (out.failed.length || out.stopped) throw new Error(`scenario failed during the benchmark: ${s.title}`);
        // 4. Judging alone: every check over this scenario's observations.
        if (i === 0 && s === SCENARIOS[SCENARIOS.length - 1]) {
          const tc = performance.now();
          for (let k = 0; k < 200; k++) runChecks(out.observations, { schemas: suite.schemas });
          rows.push(`| all checks over one observation | ${(((performance.now() - tc) * 1000) / (200 * observations)).toFixed(0)} µs |`);
        }
      }
      rows.push(`| scenario: ${s.title} (${observations} observations) | ${median(times).toFixed(0)} ms |`);
    }
  } finally {
    await suite.close();
    server?.child.kill('SIGTERM');
  }
  console.log(rows.join('\n'));
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
