// Playwright's global teardown: runs in the runner process after every test, also after Ctrl-C, a SIGTERM
// (global-setup.ts) or a worker that crashed. It replays the run's ledger: whatever the run created
// and did not delete is deleted now (projects expunged). What cannot be deleted stays in the ledger and is
// named in one line; `npm run janitor` finds it later. A run the reply breaker stopped says why, in one line.
// Its client is opened without the run's guards, so no breaker refuses its deletes.
import { existsSync, rmSync } from 'node:fs';
import { ConfigError, loadConfig } from '../src/config.ts';
import { redact } from '../src/reporting/redact.ts';
import { jobBoundMarkerPath, ledgerPath, runDir } from '../src/safety/run-dir.ts';
import { JobBreaker } from '../src/safety/job-breaker.ts';
import { ReplyBreaker } from '../src/safety/reply-breaker.ts';
import { openSuite } from '../src/suite.ts';
import { outstanding, readLedger } from '../src/resources/ledger.ts';
import { replayLedger } from '../src/resources/ledger-replay.ts';

/** A target whose jobs never end gets short polls at teardown: its deletes are sent, not waited for in full. */
const SHORT_JOB_BOUND_MS = 3_000;

export default async function globalTeardown(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) return; // the run never started
    throw e;
  }
  const say = (line: string) => process.stderr.write(`zstack-conformance teardown: ${redact(line)}\n`);
  const stopped = new ReplyBreaker(runDir(config.runId)).tripped();
  if (stopped !== undefined) say(`the run stopped early: ${stopped}`);
  const path = ledgerPath(config.runId);
  const left = outstanding(readLedger(path));
  // the run is over: its directory (ledger, job-bound marker) goes once nothing it made is left
  const done = () => rmSync(runDir(config.runId), { recursive: true, force: true });
  if (left.uuids.length === 0 && left.unresolved.length === 0) return done();
  const jobsStuck = new JobBreaker(jobBoundMarkerPath(config.runId)).tripped() !== undefined;
  let suite;
  try {
    suite = await openSuite({
      ...config,
      jobTimeoutMs: jobsStuck ? Math.min(config.jobTimeoutMs, SHORT_JOB_BOUND_MS) : config.jobTimeoutMs,
    });
  } catch (e) {
    // the embedded server ends with the run (Ctrl-C reaches it too), and with it everything the run made
    if (config.embedded) return done();
    say(
      `cannot reach the target to delete ${left.uuids.length + left.unresolved.length} resource(s) this run left (${e instanceof Error ? e.message : String(e)}); the ledger stays at ${path}; run npm run janitor later`,
    );
    return;
  }
  try {
    const r = await replayLedger(suite.zs, path);
    if (r.deleted > 0 || r.problems.length > 0) {
      // generated names hold any unicode (control characters too): quoted, so the line stays one line
      const what = [
        ...left.uuids.map((u) => `${u.resource} ${JSON.stringify(u.name ?? u.uuid)}`),
        ...left.unresolved.map((u) => `${u.resource} ${JSON.stringify(u.name)} (create in flight)`),
      ];
      say(
        `deleted ${r.deleted} resource(s) the run had not deleted (${what.slice(0, 10).join(', ')}${what.length > 10 ? ', …' : ''})${r.problems.length ? `; ${r.problems.length} problem(s): ${r.problems.join('; ')}` : ''}${existsSync(path) ? `; the ledger stays at ${path}` : ''}`,
      );
    }
  } finally {
    await suite.close();
  }
}
