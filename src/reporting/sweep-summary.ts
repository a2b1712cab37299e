// The query sweep's part of a run's summary: which Query APIs the target does not serve (with their areas), and
// per area how many were served, not served and failed. Built from the sweep tests' annotations and outcomes, so
// the console line, reports/sweep.json and any later reader agree.

/** The annotation types a sweep test records (fixtures/sweep-test.ts). */
export const SWEEP_ANNOTATION = {
  area: 'sweep-area',
  requests: 'sweep-requests',
  notServed: 'not-served',
  notApplicable: 'not-applicable',
} as const;

export interface SweepEntry {
  api: string;
  area: string;
  served: boolean;
  /** a required rule failed, or the area is declared and the API not served */
  failed: boolean;
  /** why some rules were not judged (no rows, ...) */
  notApplicable: string[];
  requests: number;
}

export interface AreaCount {
  area: string;
  served: number;
  notServed: number;
  failed: number;
}

export interface SweepSummary {
  apis: number;
  requests: number;
  notServed: Array<{ api: string; area: string }>;
  areas: AreaCount[];
  /** APIs whose row rules had nothing to judge, with the reasons */
  notApplicable: Array<{ api: string; reasons: string[] }>;
}

export function summarizeSweep(entries: readonly SweepEntry[]): SweepSummary {
  const areas = new Map<string, AreaCount>();
  for (const e of entries) {
    const a = areas.get(e.area) ?? { area: e.area, served: 0, notServed: 0, failed: 0 };
    if (e.served) a.served++;
    else a.notServed++;
    if (e.failed) a.failed++;
    areas.set(e.area, a);
  }
  const byApi = (x: { api: string }, y: { api: string }) => x.api.localeCompare(y.api);
  return {
    apis: entries.length,
    requests: entries.reduce((n, e) => n + e.requests, 0),
    notServed: entries
      .filter((e) => !e.served)
      .map((e) => ({ api: e.api, area: e.area }))
      .sort(byApi),
    areas: [...areas.values()].sort((x, y) => x.area.localeCompare(y.area)),
    notApplicable: entries
      .filter((e) => e.notApplicable.length > 0)
      .map((e) => ({ api: e.api, reasons: e.notApplicable }))
      .sort(byApi),
  };
}

/** The summary as console lines. */
export function renderSweepSummary(s: SweepSummary): string[] {
  if (s.apis === 0) return [];
  const lines = [`Query sweep: ${s.apis} Query APIs, ${s.requests} requests`];
  for (const a of s.areas) lines.push(`  ${a.area}: ${a.served} served, ${a.notServed} not served, ${a.failed} failed`);
  if (s.notServed.length > 0)
    lines.push(`  not served (${s.notServed.length}): ${s.notServed.map((n) => `${n.api} (${n.area})`).join(', ')}`);
  if (s.notApplicable.length > 0)
    lines.push(`  not applicable: ${s.notApplicable.map((n) => `${n.api}: ${n.reasons.join('; ')}`).join(', ')}`);
  return lines;
}
