// Async API jobs (docs/zstack-protocol.md#sync-and-async-jobs): the result is computed at the call and kept; polls
// answer
// 202 until the variant's job delay has passed, then the stored result.
import type { Variant } from './variant.ts';
import type { ApiOutcome } from './outcome.ts';

/** How long a new job stays pending: the variant's jobDelayMs, or uniform from it to jobDelayMaxMs. */
export function jobDelay(v: Pick<Variant, 'jobDelayMs' | 'jobDelayMaxMs'>, random: () => number = Math.random): number {
  const max = v.jobDelayMaxMs ?? v.jobDelayMs;
  return max <= v.jobDelayMs ? v.jobDelayMs : v.jobDelayMs + random() * (max - v.jobDelayMs);
}

export interface Job {
  id: string;
  location: string;
  readyAt: number;
  outcome: ApiOutcome;
  /** the call carried X-JSON-Schema */
  schemaRequested: boolean;
}

const MAX_JOBS = 20000;

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  add(job: Job): void {
    if (this.jobs.size >= MAX_JOBS) {
      // real jobs expire (about 2 days); here the oldest go first
      const oldest = this.jobs.keys().next().value;
      if (oldest !== undefined) this.jobs.delete(oldest);
    }
    this.jobs.set(job.id, job);
  }
}
