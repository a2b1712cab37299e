// The load bound of one process: at most `maxInFlight` requests at once and request starts spaced at least
// 1000/maxRps ms apart. The run's limits are shared among its worker processes (ZSTACK_RUN_WORKERS), so a
// whole run stays within ZSTACK_MAX_IN_FLIGHT and ZSTACK_MAX_RPS against a shared target.
import type { LoadLimits } from '../safety-settings.ts';

export class LoadLimiter {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStartAt = 0;
  private readonly spacingMs: number;

  constructor(readonly limits: LoadLimits) {
    this.spacingMs = 1000 / limits.maxRps;
  }

  /** Waits for a free slot and for the request-rate spacing; returns the function that frees the slot. */
  async acquire(): Promise<() => void> {
    if (this.inFlight >= this.limits.maxInFlight) await new Promise<void>((r) => this.waiting.push(r));
    else this.inFlight++;
    const now = performance.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + this.spacingMs;
    // A timer cannot wait less than 1 ms: waiting for a start under 1 ms away would space requests 1 ms apart
    // (1000/s whatever the bound). Such a start goes now; the schedule still advances by the full spacing, so
    // over any second the starts stay within maxRps + 1 ms worth of requests.
    if (startAt - now >= 1) await new Promise((r) => setTimeout(r, startAt - now));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else this.inFlight--;
    };
  }
}

/** One worker's share of the run's limits (never below one request in flight). */
export function shareOf(limits: LoadLimits, workers: number): LoadLimits {
  const n = Math.max(1, workers);
  return { maxInFlight: Math.max(1, Math.floor(limits.maxInFlight / n)), maxRps: limits.maxRps / n };
}
