// Playwright's global setup, in the runner process: a SIGTERM (a CI job's timeout) is turned into the SIGINT
// Playwright already handles gracefully (stop the workers, then run the teardowns), so the run's global
// teardown (global-teardown.ts) replays its ledger however the run ends. Without this, a
// SIGTERM would end the runner at once and leave what the run created on the target. A run whose endpoint's
// replies never finish (src/safety/reply-breaker.ts) is stopped the same way.
import { loadConfig } from '../src/config.ts';
import { ReplyBreaker } from '../src/safety/reply-breaker.ts';
import { runDir } from '../src/safety/run-dir.ts';
import { stopRunWhenTripped } from '../src/safety/stop-when-tripped.ts';

export default function globalSetup(): void {
  let forwarded = false;
  process.on('SIGTERM', () => {
    if (forwarded) return;
    forwarded = true;
    process.kill(process.pid, 'SIGINT');
  });
  stopRunWhenTripped(new ReplyBreaker(runDir(loadConfig().runId)));
}
