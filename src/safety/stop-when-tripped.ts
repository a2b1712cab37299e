// In the runner process (Playwright's global setup): once the reply breaker has tripped in any worker, the run
// is stopped the way Ctrl-C stops it, a SIGINT to the runner itself: Playwright stops the workers, reports the
// tests that did not run, and runs the global teardown, which deletes what the run made and prints the line.
// Without it every test still to come would fail at once and, failed, cost a fresh worker process (Playwright
// replaces a worker after each failed test): seconds per test, far beyond the request bound on a small machine.
export interface Tripwire {
  tripped(): string | undefined;
}

/** Watches `breaker` every `everyMs` and stops the run once it trips; returns the function that stops watching. */
export function stopRunWhenTripped(breaker: Tripwire, everyMs = 200): () => void {
  const timer = setInterval(() => {
    if (breaker.tripped() === undefined) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGINT');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
