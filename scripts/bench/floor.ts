// The floor of a conformance run beside its wall time. The run is the properties' part of a conformance run
// (every property, a share of its quick case count, a fixed seed), one case at a time and with the default
// cases in flight. Its floor is what no client can beat on this target: the round trips the run needs, one
// after another (each call, each query, and one poll per job, the one that finds it done) times the target's
// round-trip time, plus the time the target's jobs take.
import { PROPERTIES, checkProperty } from '../../src/properties/index.ts';
import { runsFor } from '../../src/properties/runner.ts';
import type { Suite } from '../../src/suite.ts';
import type { WireRequest, WireResponse } from '../../src/exchange/exchange.ts';

export interface FloorRow {
  label: string;
  casesInFlight: number;
  cases: number;
  wallMs: number;
  requests: number;
  /** calls and queries plus one poll per job */
  neededRoundTrips: number;
  jobs: number;
  polls: number;
  jobMs: number;
  rttMs: number;
  floorMs: number;
  wallOverFloor: number;
  allPassed: boolean;
}

/** Counts what the suite sends through its transport while `body` runs. */
async function recording<T>(
  suite: Suite,
  body: () => Promise<T>,
): Promise<{ result: T; calls: number; polls: number; jobs: number }> {
  const transport = suite.zs.transport;
  const original = transport.send.bind(transport);
  let calls = 0;
  let polls = 0;
  let jobs = 0;
  transport.send = async (req: WireRequest): Promise<WireResponse> => {
    const res = await original(req);
    if (req.url.includes('/zstack/v1/api-jobs/')) polls++;
    else {
      calls++;
      if (res.status === 202) jobs++;
    }
    return res;
  };
  try {
    return { result: await body(), calls, polls, jobs };
  } finally {
    transport.send = original;
  }
}

export interface FloorOptions {
  label: string;
  seed: number;
  caseShare: number;
  casesInFlight: number;
  rttMs: number;
  meanJobMs: number;
}

export async function measureFloor(suite: Suite, o: FloorOptions): Promise<FloorRow> {
  let cases = 0;
  const started = performance.now();
  const { result, calls, polls, jobs } = await recording(suite, async () => {
    let allPassed = true;
    for (const p of PROPERTIES) {
      const numRuns = Math.max(1, Math.round(runsFor(p, suite, {}) * o.caseShare));
      cases += numRuns;
      const out = await checkProperty(p, suite, { seed: o.seed, numRuns, casesInFlight: o.casesInFlight });
      if (out.failed) {
        allPassed = false;
        process.stderr.write(`bench: ${out.report.split('\n')[0]}\n`);
      }
    }
    return allPassed;
  });
  const wallMs = performance.now() - started;
  const neededRoundTrips = calls + jobs;
  const jobMs = jobs * o.meanJobMs;
  const floorMs = neededRoundTrips * o.rttMs + jobMs;
  return {
    label: o.label,
    casesInFlight: o.casesInFlight,
    cases,
    wallMs,
    requests: calls + polls,
    neededRoundTrips,
    jobs,
    polls,
    jobMs,
    rttMs: o.rttMs,
    floorMs,
    wallOverFloor: wallMs / floorMs,
    allPassed: result,
  };
}
