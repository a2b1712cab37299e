// The query sweep (src/sweep) beside its floor: every swept Query API one after another, as one worker runs them,
// with a row in each table the hand-written queries read (so the row rules run). Its floor is its requests laid end
// to end at the target's round-trip time, as for the properties' run (floor.ts).
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import type { Suite } from '../../src/suite.ts';
import { sweepQuery, sweptQueries } from '../../src/sweep/sweep.ts';

export interface SweepRow {
  apis: number;
  requests: number;
  rttMs: number;
  floorMs: number;
  wallMs: number;
  wallOverFloor: number;
  /** APIs with a required violation (none on the clean reference server) */
  failed: number;
}

export async function measureSweep(suite: Suite, rttMs: number): Promise<SweepRow> {
  const kit = new ResourceKit(suite.zs);
  try {
    await kit.organization();
    await kit.flowCollection(); // a project, a virtual ID and a flow collection
    const apis = sweptQueries(suite.contracts.surface);
    let requests = 0;
    let failed = 0;
    const started = performance.now();
    for (const api of apis) {
      const outcome = await sweepQuery(suite.zs, api, suite.schemas);
      requests += outcome.requests;
      if (outcome.failed.length > 0) failed++;
    }
    const wallMs = performance.now() - started;
    const floorMs = requests * rttMs;
    return { apis: apis.length, requests, rttMs, floorMs, wallMs, wallOverFloor: wallMs / floorMs, failed };
  } finally {
    await kit.cleanup();
  }
}
