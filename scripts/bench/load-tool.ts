// The target's ceiling, measured by a dedicated load tool (autocannon) in a process of its own, so it shares
// no event loop with the suite it is compared to. Reads one JSON job from argv[2]: the origin, the request
// the suite itself sends (method, path, headers, body), whether to follow its async job (GET the "location"
// of the 202 once, as the protocol's own next request), connections and seconds. Prints one JSON line.
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';

export interface LoadJob {
  origin: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  followJob: boolean;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** completed operations per second: a query, or a call and the poll that found its job done */
  opsPerSec: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  errors: number;
  /** operations whose final answer was not 200 (a job still pending at its one poll counts here) */
  notDone: number;
}

interface Result {
  requests: { total: number };
  latency: { p50: number };
  duration: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob;
  const { method, path, headers, body } = job.request;
  const first = { method, path, headers, ...(body !== undefined ? { body } : {}) };
  const requests = job.followJob
    ? [
        {
          ...first,
          onResponse: (_status: number, text: string, ctx: Record<string, unknown>) => {
            try {
              ctx['location'] = (JSON.parse(text) as { location?: string }).location;
            } catch {
              ctx['location'] = undefined;
            }
          },
        },
        {
          method: 'GET',
          headers: { Authorization: headers['Authorization'] ?? '' },
          setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
            const loc = typeof ctx['location'] === 'string' ? ctx['location'] : '';
            const at = loc.indexOf('/zstack/v1/api-jobs/');
            return at < 0 ? undefined : { ...req, path: loc.slice(at) };
          },
        },
      ]
    : [first];
  const r = (await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.seconds,
    requests,
  })) as Result;
  const count = (code: string) => Number(r.statusCodeStats[code]?.count ?? 0);
  const ok = count('200');
  const ops = job.followJob ? Math.min(ok, count('202')) : ok;
  const total = r.requests.total;
  const result: LoadResult = {
    opsPerSec: ops / r.duration,
    requestsPerSec: total / r.duration,
    latencyP50Ms: r.latency.p50,
    errors: r.errors + r.timeouts,
    notDone: (job.followJob ? total / 2 : total) - ops,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`load-tool: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
