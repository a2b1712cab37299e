// A target whose jobs never end would cost ZSTACK_JOB_TIMEOUT_MS once per test (minutes per run). After the
// first job of a run that outlives its bound, a marker file in the run's directory says so, and every later
// request of the run, in any worker, fails at once with that reason.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiDescriptor } from '../../contracts/index.ts';
import type { SendGuard } from '../client/zstack-client.ts';
import { redact } from '../reporting/redact.ts';

export class JobBoundExceededError extends Error {
  constructor(reason: string) {
    super(
      `not sent: an earlier job of this run outlived its bound, so the target's jobs do not end and the rest of the run fails at once (${reason})`,
    );
    this.name = 'JobBoundExceededError';
  }
}

export class JobBreaker implements SendGuard {
  private reason: string | undefined;

  constructor(readonly markerPath: string) {}

  /** The reason the run gave up on the target's jobs, if it did (read from the marker file). */
  tripped(): string | undefined {
    if (this.reason === undefined && existsSync(this.markerPath))
      this.reason = readFileSync(this.markerPath, 'utf8').trim() || 'a job outlived ZSTACK_JOB_TIMEOUT_MS';
    return this.reason;
  }

  before(_api: ApiDescriptor): void {
    const reason = this.tripped();
    if (reason !== undefined) throw new JobBoundExceededError(reason);
  }

  jobTimedOut(reason: string): void {
    if (this.tripped() !== undefined) return;
    this.reason = redact(reason);
    mkdirSync(dirname(this.markerPath), { recursive: true });
    writeFileSync(this.markerPath, `${this.reason}\n`);
  }
}
