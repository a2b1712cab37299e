// The query sweep's part of a run's summary: which Query APIs the target does not serve (with their areas), and
// per area how many were served, not served and failed. Built from the sweep tests' annotations and outcomes, so
// the console line, reports/sweep.json and any later reader agree.

/** The Playwright project the query sweep runs in (certification and diff read its tests apart). */
export const SWEEP_PROJECT = 'sweep';

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

/** Items joined by ", " into lines of at most `width` characters, each indented. */
function wrap(items: string[], indent: string, width = 116): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && indent.length + line.length + item.length + 2 > width) {
      lines.push(`${indent}${line},`);
      line = '';
    }
    line = line ? `${line}, ${item}` : item;
  }
  if (line) lines.push(`${indent}${line}`);
  return lines;
}

/** The summary as console lines: counts per area, the not-served list, and how often each rule went unjudged. */
export function renderSweepSummary(s: SweepSummary): string[] {
  if (s.apis === 0) return [];
  const lines = [`Query sweep: ${s.apis} Query APIs, ${s.requests} requests; per area served/not served/failed:`];
  lines.push(
    ...wrap(
      s.areas.map((a) => `${a.area} ${a.served}/${a.notServed}/${a.failed}`),
      '  ',
    ),
  );
  if (s.notServed.length > 0) {
    lines.push(`  not served (${s.notServed.length}):`);
    lines.push(
      ...wrap(
        s.notServed.map((n) => `${n.api} (${n.area})`),
        '    ',
      ),
    );
  }
  const reasons = new Map<string, number>();
  for (const n of s.notApplicable) for (const r of n.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  for (const [reason, count] of reasons) lines.push(`  not applicable in ${count} API(s): ${reason}`);
  return lines;
}
