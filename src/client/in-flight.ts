// At most `limit` tasks at once, started in the order they were asked for. The load limiter (load-limiter.ts)
// bounds requests; this bounds whole tasks (a resource with its jobs, a provider state) so a queue of them
// does not hold more resources half-made than it has to.
export class InFlight {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next task
      else this.active--;
    }
  }
}

/**
 * fn over every item, at most `limit` at once; results in item order. Every task runs to its end before the
 * first failure (in item order) is thrown, so nothing is still creating when the caller cleans up.
 */
export async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const slots = new InFlight(Math.max(1, limit));
  const settled = await Promise.allSettled(items.map((item, i) => slots.run(() => fn(item, i))));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}
