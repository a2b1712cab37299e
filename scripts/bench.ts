// `npm run bench`: the suite's speed against the physical limits of its target, side by side, in one bounded
// run (70-80 s on a 2-core machine). Loopback only: the embedded reference server in its own
// process (or ZSTACK_BASE_URL for the rates and the floor). Prints a table and writes reports/bench.json.
//   1. ceiling (autocannon in its own process) vs the suite's rate on the same requests: suiteRateOverCeiling;
//      bare node:http in the suite's process beside them (what any Node client in one process reaches)
//   2. the floor of the properties' run (needed round trips x RTT + job time) vs its wall time: wallOverFloor,
//      on the undelayed server and on one whose jobs take --job-delay ms (default 0-15)
//   3. the harness's own share per request: generation, checks, schema validation, the client
//   4. the reference server's query latency with 10, 10 000 and 100 000 stored organizations
//   5. the query sweep (every swept Query API, one after another): its requests and its wall time over its floor
//   6. with --recording N: what recording (ZSTACK_RECORD) costs a whole run, N pairs of runs without and with it
// Options: see --help.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, cpus } from 'node:os';
import fc from 'fast-check';
import { loadConfig, type SuiteConfig } from '../src/config.ts';
import { openSuite, type Suite } from '../src/suite.ts';
import { ALL_CHECKS, runChecks } from '../src/checks/index.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { ResourceKit } from '../src/resources/resource-kit.ts';
import { PROPERTIES } from '../src/properties/index.ts';
import { PropertyEnv } from '../src/properties/core.ts';
import { generatedCases } from '../src/properties/runner.ts';
import { measureRates, type Operation } from './bench/rates.ts';
import { measureFloor, type FloorRow } from './bench/floor.ts';
import { measureGrowth, type GrowthRow } from './bench/growth.ts';
import { measureSweep, type SweepRow } from './bench/sweep.ts';
import { measureRecording, type RecordingRow } from './bench/recording.ts';
import { closeRawHttp, sequentialLatency } from './bench/raw-http.ts';
import { startServerProcess, type ServerProcess } from './bench/server-process.ts';
import { commandLine } from './cli/args.ts';

const SEED = 424242;

/** A parser of a number from min to max, for an option's spec. */
const numberFrom =
  (min: number, max: number) =>
  (text: string): number => {
    const v = Number(text);
    if (!Number.isFinite(v) || v < min || v > max) throw new Error(`expected a number from ${min} to ${max}`);
    return v;
  };

/** `15` or `0-15` (ms): the delayed server's job delay, and its mean for the floor. */
function jobDelay(text: string): { text: string; meanMs: number } {
  const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(text);
  if (!m) throw new Error('expected ms like 15 or a range like 0-15');
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (hi < lo) throw new Error('expected a range from low to high');
  return { text, meanMs: (lo + hi) / 2 };
}

const { values: options } = commandLine({
  name: 'bench',
  summary: "Measures the suite's speed against the physical limits of its target; writes reports/bench.json.",
  options: {
    seconds: { type: 'string', value: 'N', default: '3', parse: numberFrom(1, 60), help: 'per rate measurement' },
    connections: {
      type: 'string',
      value: 'N',
      default: '8',
      parse: numberFrom(1, 256),
      help: "the load tool's connections",
    },
    'job-delay': {
      type: 'string',
      value: 'A[-B]',
      default: '0-15',
      parse: jobDelay,
      help: 'ms each job of the delayed server stays pending',
    },
    'case-share': {
      type: 'string',
      value: 'F',
      default: '0.2',
      parse: numberFrom(0.01, 1),
      help: "share of each property's quick case count",
    },
    'no-growth': { type: 'boolean', help: "skip the reference server's growth measurement" },
    recording: {
      type: 'string',
      value: 'N',
      default: '0',
      parse: numberFrom(0, 5),
      help: 'pairs of whole runs without and with ZSTACK_RECORD (about 2 min a pair; 0: not measured)',
    },
  },
  details: [
    'Loopback only: the embedded reference server in its own process, or ZSTACK_BASE_URL (docs/performance.md).',
  ],
  example: 'npm run bench -- --job-delay=300-800 --case-share=0.1 --no-growth',
});

const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;

async function withSuite<T>(config: SuiteConfig, baseUrl: string, body: (suite: Suite) => Promise<T>): Promise<T> {
  const suite = await openSuite({ ...config, baseUrl });
  try {
    return await body(suite);
  } finally {
    await suite.close();
  }
}

/** The three representative operations, each as the suite sends it (captured from one real call). */
async function operations(suite: Suite, kit: ResourceKit): Promise<Operation[]> {
  const org = await kit.organization();
  const { collection } = await kit.flowCollection();
  const query = () => suite.zs.query('QueryIAM2Organization', { limit: 1 });
  const change = () => suite.zs.call('ChangeIAM2OrganizationState', { uuid: org['uuid'], stateEvent: 'enable' });
  const update = () =>
    suite.zs.call('UpdateIAM2TicketFlowCollection', {
      uuid: collection['uuid'],
      description: 'zstack-conformance bench',
    });
  const first = async (f: () => Promise<{ hops: Array<{ request: Operation['request'] }> }>) =>
    (await f()).hops[0].request;
  return [
    { name: 'query (QueryIAM2Organization limit=1)', send: query, request: await first(query), followJob: false },
    {
      name: 'state change + its job (ChangeIAM2OrganizationState)',
      send: change,
      request: await first(change),
      followJob: true,
    },
    {
      name: 'update + its job (UpdateIAM2TicketFlowCollection)',
      send: update,
      request: await first(update),
      followJob: true,
    },
  ];
}

interface HarnessShare {
  generationUsPerCase: Record<string, number>;
  checksUsPerObservation: number;
  schemaValidationUsPerObservation: number;
  clientUsPerRequest: number;
  rawRttMs: number;
  suiteRttMs: number;
}

async function harnessShare(suite: Suite): Promise<HarnessShare> {
  const generationUsPerCase: Record<string, number> = {};
  const env = new PropertyEnv(suite);
  await env.ensureFixtures(['TicketFlowCollection']);
  try {
    for (const p of PROPERTIES) {
      const arb = p.arbitrary(env, { deep: false, seed: SEED }) as fc.Arbitrary<unknown>;
      const t = performance.now();
      generatedCases(arb, SEED, 200);
      generationUsPerCase[p.name] = round(((performance.now() - t) * 1000) / 200, 1);
    }
  } finally {
    await env.close();
  }
  const scenario = SCENARIOS.find((s) => s.apis.includes('ChangeIAM2OrganizationState')) ?? SCENARIOS[0];
  const out = await runScenario(scenario, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas);
  const n = 100;
  let t = performance.now();
  for (let i = 0; i < n; i++) runChecks(out.observations, { schemas: suite.schemas });
  const checksUs = ((performance.now() - t) * 1000) / (n * out.observations.length);
  const schemaCheck = ALL_CHECKS.filter((c) => c.name === 'replyMatchesSchema');
  t = performance.now();
  for (let i = 0; i < n; i++) runChecks(out.observations, { schemas: suite.schemas }, schemaCheck);
  const schemaUs = ((performance.now() - t) * 1000) / (n * out.observations.length);
  // the client's own cost per request: the suite's client vs the least client, one request after another
  const url = `${suite.zs.baseUrl}/zstack/v1/iam2/organizations?limit=1`;
  const raw = await sequentialLatency(url, { Authorization: `OAuth ${suite.zs.session ?? ''}` }, 300);
  const times: number[] = [];
  for (let i = 0; i < 303; i++) {
    const s = performance.now();
    await suite.zs.query('QueryIAM2Organization', { limit: 1 });
    if (i >= 3) times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const suiteRtt = times[Math.floor(times.length / 2)];
  suite.zs.history.length = 0;
  return {
    generationUsPerCase,
    checksUsPerObservation: round(checksUs, 1),
    schemaValidationUsPerObservation: round(schemaUs, 1),
    clientUsPerRequest: round((suiteRtt - raw.medianMs) * 1000, 1),
    rawRttMs: round(raw.medianMs, 3),
    suiteRttMs: round(suiteRtt, 3),
  };
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const { seconds, connections, 'case-share': caseShare, 'job-delay': delay } = options;
  const growth = !options['no-growth'];
  const config = loadConfig();
  const external = config.baseUrl !== undefined && !config.embedded;
  const servers: ServerProcess[] = [];
  const machine = {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? '?',
    node: process.version,
    loadAverage1mAtStart: round(loadavg()[0]),
  };
  try {
    const plain = external ? undefined : await startServerProcess();
    if (plain) servers.push(plain);
    const target = config.baseUrl && external ? config.baseUrl : (plain as ServerProcess).url;

    // 1 + 3: rates and the harness's share, on the undelayed target
    // The load bound is a policy, not the client's speed: lifted here (to the load tool's connections, any rate)
    // so the rates compare the clients; the floors below run with the configured bound.
    const unbound = {
      ...config,
      load: { maxInFlight: Math.max(connections, config.load.maxInFlight), maxRps: 1_000_000 },
      workers: 1,
    };
    const { rates, share } = await withSuite(unbound, target, async (suite) => {
      const kit = new ResourceKit(suite.zs);
      try {
        const ops = await operations(suite, kit);
        const rates = await measureRates(suite, ops, connections, seconds);
        const share = await harnessShare(suite);
        return { rates, share };
      } finally {
        await kit.cleanup();
      }
    });

    // 2: the floor, undelayed and with the job delay (a second server process; an external target only as it is)
    const floors: FloorRow[] = [];
    // an external target's job durations are unknown here: its floor counts round trips only (a lower floor)
    const targets: Array<{ label: string; url: string; meanJobMs: number }> = [
      {
        label: external ? 'target (job time not counted)' : 'embedded server, no job delay',
        url: target,
        meanJobMs: 0,
      },
    ];
    if (!external) {
      const delayed = await startServerProcess({ ZSTACK_REF_JOB_DELAY_MS: delay.text });
      servers.push(delayed);
      targets.push({ label: `embedded server, jobs ${delay.text} ms`, url: delayed.url, meanJobMs: delay.meanMs });
    }
    for (const t of targets) {
      await withSuite(config, t.url, async (suite) => {
        for (const inFlight of [1, config.casesInFlight]) {
          // the round-trip time as the least client sees it, measured just before the run it is the floor of
          const rttMs = (
            await sequentialLatency(
              `${t.url}/zstack/v1/iam2/organizations?limit=1`,
              { Authorization: `OAuth ${suite.zs.session ?? ''}` },
              200,
            )
          ).medianMs;
          floors.push(
            await measureFloor(suite, {
              label: t.label,
              seed: SEED,
              caseShare,
              casesInFlight: inFlight,
              rttMs,
              meanJobMs: t.meanJobMs,
            }),
          );
        }
      });
    }

    // 5: the query sweep on the undelayed target
    const sweep: SweepRow = await withSuite(config, target, async (suite) => {
      const rttMs = (
        await sequentialLatency(
          `${target}/zstack/v1/iam2/organizations?limit=1`,
          { Authorization: `OAuth ${suite.zs.session ?? ''}` },
          200,
        )
      ).medianMs;
      return measureSweep(suite, rttMs);
    });

    // 4: growth of the reference server
    const growthRows: GrowthRow[] = growth ? await measureGrowth([10, 10_000, 100_000], 30) : [];

    // 6: what recording costs a whole run
    const recording: RecordingRow | undefined =
      options.recording > 0 ? await measureRecording(options.recording, SEED) : undefined;

    const suiteRateOverCeiling = Math.min(...rates.map((r) => r.suiteRateOverCeiling));
    // the run as `npm run conformance` makes it (the default cases in flight) against the floor of its round trips
    // laid end to end; the one-case-at-a-time run beside it shows the harness's own overhead alone
    const wallOverFloor = Math.max(
      ...floors.filter((f) => f.casesInFlight === config.casesInFlight).map((f) => f.wallOverFloor),
    );
    const wallOverFloorOneAtATime = Math.max(
      ...floors.filter((f) => f.casesInFlight === 1).map((f) => f.wallOverFloor),
    );
    const perRow = (size: number, q: string) =>
      growthRows.find((g) => g.organizations === size && g.query.startsWith(q));
    const costPerRowUs = (q: string) => {
      const small = perRow(10, q);
      const big = perRow(100_000, q);
      return small && big ? round(((big.medianMs - small.medianMs) * 1000) / (100_000 - 10), 4) : undefined;
    };
    const report = {
      generatedAt: new Date().toISOString(),
      machine: { ...machine, loadAverage1mAtEnd: round(loadavg()[0]) },
      settings: {
        seconds,
        connections,
        caseShare,
        jobDelay: delay.text,
        casesInFlight: config.casesInFlight,
        pollIntervalMs: config.pollIntervalMs,
        seed: SEED,
        target: external ? 'ZSTACK_BASE_URL' : 'embedded reference server (own process)',
      },
      suiteRateOverCeiling: round(suiteRateOverCeiling, 4),
      wallOverFloor: round(wallOverFloor, 3),
      wallOverFloorOneAtATime: round(wallOverFloorOneAtATime, 3),
      rates: rates.map((r) => ({
        ...r,
        ceilingOpsPerSec: round(r.ceilingOpsPerSec, 1),
        suiteOpsPerSec: round(r.suiteOpsPerSec, 1),
        suiteRateOverCeiling: round(r.suiteRateOverCeiling, 4),
        bareOpsPerSec: round(r.bareOpsPerSec, 1),
        bareRateOverCeiling: round(r.bareRateOverCeiling, 4),
        suiteRateOverBare: round(r.suiteRateOverBare, 4),
      })),
      floors: floors.map((f) => ({
        ...f,
        wallMs: round(f.wallMs, 0),
        floorMs: round(f.floorMs, 0),
        jobMs: round(f.jobMs, 0),
        rttMs: round(f.rttMs, 3),
        wallOverFloor: round(f.wallOverFloor, 3),
      })),
      sweep: {
        ...sweep,
        rttMs: round(sweep.rttMs, 3),
        floorMs: round(sweep.floorMs, 1),
        wallMs: round(sweep.wallMs, 1),
        wallOverFloor: round(sweep.wallOverFloor, 3),
      },
      harness: share,
      recording: recording && {
        ...recording,
        offMedianMs: round(recording.offMedianMs, 0),
        onMedianMs: round(recording.onMedianMs, 0),
        overhead: round(recording.overhead, 3),
      },
      growth: growthRows.map((g) => ({
        ...g,
        startMs: round(g.startMs, 0),
        medianMs: round(g.medianMs, 3),
        p90Ms: round(g.p90Ms, 3),
      })),
      growthCostPerStoredRowUs: growth
        ? {
            limit: costPerRowUs('limit='),
            start: costPerRowUs('start='),
            count: costPerRowUs('count='),
            condition: costPerRowUs('q='),
          }
        : undefined,
      benchSeconds: 0,
    };
    report.benchSeconds = round((performance.now() - started) / 1000, 1);
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);

    const out: string[] = [];
    out.push(
      `Machine: ${machine.nproc} CPUs (${machine.cpu}), Node ${machine.node}, load average ${machine.loadAverage1mAtStart} at start, ${report.machine.loadAverage1mAtEnd} at end; ${report.benchSeconds} s`,
    );
    out.push(
      '',
      `Ceiling (autocannon, own process, ${connections} connections, ${seconds} s) vs bare node:http and the suite's client (load bound lifted) in the suite's process, on the same requests:`,
    );
    out.push(
      table(
        [
          'operation',
          'ceiling ops/s',
          'p50 ms',
          'bare node:http ops/s',
          'bare / ceiling',
          'suite ops/s',
          'suite / ceiling',
          'suite / bare',
        ],
        report.rates.map((r) => [
          r.name,
          r.ceilingOpsPerSec,
          r.ceilingLatencyP50Ms,
          r.bareOpsPerSec,
          r.bareRateOverCeiling,
          r.suiteOpsPerSec,
          r.suiteRateOverCeiling,
          r.suiteRateOverBare,
        ]),
      ),
    );
    out.push(
      '',
      `Floor of the properties' run (${Math.round(caseShare * 100)} % of each property's quick case count, seed ${SEED}) vs its wall time:`,
    );
    out.push(
      table(
        [
          'target',
          'in flight',
          'cases',
          'requests',
          'needed round trips',
          'jobs',
          'RTT ms',
          'job ms',
          'floor ms',
          'wall ms',
          'wall / floor',
          'passed',
        ],
        report.floors.map((f) => [
          f.label,
          f.casesInFlight,
          f.cases,
          f.requests,
          f.neededRoundTrips,
          f.jobs,
          f.rttMs,
          f.jobMs,
          f.floorMs,
          f.wallMs,
          f.wallOverFloor,
          f.allPassed ? 'yes' : 'NO',
        ]),
      ),
    );
    out.push('', 'Query sweep (every swept Query API one after another, a row in each table):');
    out.push(
      table(
        ['Query APIs', 'requests', 'RTT ms', 'floor ms', 'wall ms', 'wall / floor', 'failed'],
        [
          [
            report.sweep.apis,
            report.sweep.requests,
            report.sweep.rttMs,
            report.sweep.floorMs,
            report.sweep.wallMs,
            report.sweep.wallOverFloor,
            report.sweep.failed,
          ],
        ],
      ),
    );
    if (report.recording) {
      out.push('', `Recording (ZSTACK_RECORD) over a whole run, ${report.recording.pairs} pair(s) of runs, medians:`);
      out.push(
        table(
          ['wall ms, off', 'wall ms, on', 'overhead', 'tests recorded', 'recording bytes'],
          [
            [
              report.recording.offMedianMs,
              report.recording.onMedianMs,
              `${round(report.recording.overhead * 100, 1)} %`,
              report.recording.recordedTests,
              report.recording.recordedBytes,
            ],
          ],
        ),
      );
    }
    out.push('', 'Harness share per request:');
    out.push(
      table(
        ['part', 'µs'],
        [
          ...Object.entries(share.generationUsPerCase).map(([k, v]) => [`generation of one case: ${k}`, v]),
          ['all checks, per observation', share.checksUsPerObservation],
          ['of which schema validation (replyMatchesSchema)', share.schemaValidationUsPerObservation],
          [
            `client (bounded node:http transport) per request: ${share.suiteRttMs} ms vs raw node:http ${share.rawRttMs} ms`,
            share.clientUsPerRequest,
          ],
        ],
      ),
    );
    if (growthRows.length) {
      out.push('', 'Reference server growth (sequential queries, node:http keep-alive):');
      out.push(
        table(
          ['organizations', 'start ms', 'query', 'median ms', 'p90 ms'],
          report.growth.map((g) => [g.organizations, g.startMs, g.query, g.medianMs, g.p90Ms]),
        ),
      );
      out.push(`cost per stored row (µs): ${JSON.stringify(report.growthCostPerStoredRowUs)}`);
    }
    out.push(
      '',
      `suiteRateOverCeiling ${report.suiteRateOverCeiling} (target >= 0.5; the smallest of the three), wallOverFloor ${report.wallOverFloor} (target <= 2; ${config.casesInFlight} cases in flight, the largest over the targets), one case at a time ${report.wallOverFloorOneAtATime}; reports/bench.json written`,
    );
    console.log(out.join('\n'));
  } finally {
    closeRawHttp();
    for (const s of servers) await s.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
