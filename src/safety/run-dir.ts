// Where a run keeps what must outlive its processes: reports/runs/<runId>/ holds the ledger of what it created
// (ledger.jsonl), the marker that its target's jobs outlive their bound (job-bound-exceeded) and those of the
// reply breaker (reply-breaker.ts). Workers, the runner's teardown and the janitor find each other's files here.
import { join } from 'node:path';

export const RUNS_DIR = join('reports', 'runs');

export const runDir = (runId: string, root = RUNS_DIR): string => join(root, runId);
export const ledgerPath = (runId: string, root = RUNS_DIR): string => join(runDir(runId, root), 'ledger.jsonl');
export const jobBoundMarkerPath = (runId: string, root = RUNS_DIR): string =>
  join(runDir(runId, root), 'job-bound-exceeded');
