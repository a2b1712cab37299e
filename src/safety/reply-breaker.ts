// A target whose replies send their headers and then never finish (a byte now and then, never the end) costs
// ZSTACK_REQUEST_TIMEOUT_MS per request: minutes per run. One such reply may be a busy server's bad moment or a
// network hiccup, so it only fails its own test; the second of the run is the endpoint's behaviour: a marker in
// the run's directory then makes every later request of the run, in any worker, fail at once with one line
// naming it. Deletes and expunges still go out (the cleanup of what the run made) unless one of their replies
// stalled too; the global teardown's own client has no guards at all.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiDescriptor } from '../../contracts/index.ts';
import type { SendGuard } from '../client/zstack-client.ts';
import { TransportError } from '../client/transport.ts';
import { redact } from '../reporting/redact.ts';

/** the first stalled reply of the run (created exclusively: whoever finds it taken has seen the second) */
const FIRST_STALL = 'stalled-reply';
/** the breaker's marker: its one line */
const TRIPPED = 'replies-never-finish';
/** a delete's or expunge's reply stalled too: cleanup is refused as well and left to the teardown */
const CLEANUP_STALLED = 'cleanup-reply-stalled';

export class RepliesNeverFinishError extends Error {
  constructor(line: string) {
    super(`not sent: ${line}; the rest of the run fails at once`);
    this.name = 'RepliesNeverFinishError';
    // the endpoint's behaviour is the whole story: a report shows this line, not the suite's call stack
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The calls that delete what the run made: they still go out after the breaker tripped. */
const isCleanup = (api: ApiDescriptor): boolean => api.kind === 'delete' || api.effect?.kind === 'expunge';

/**
 * "GET /zstack/v1/iam2/organizations sent headers and 7 bytes, then kept dripping past …", or undefined for any other
 * failure.
 */
export function describeStall(error: unknown): string | undefined {
  if (!(error instanceof TransportError) || error.stall === undefined) return undefined;
  const { method, url } = error.request;
  const { bytes, timeoutMs } = error.stall;
  return redact(
    `${method} ${new URL(url).pathname} sent headers and ${bytes} byte${bytes === 1 ? '' : 's'}, then kept dripping past ZSTACK_REQUEST_TIMEOUT_MS=${timeoutMs}`,
  );
}

export class ReplyBreaker implements SendGuard {
  private line: string | undefined;

  /** dir: the run's directory (src/safety/run-dir.ts), shared by its workers */
  constructor(readonly dir: string) {}

  /** The one line saying why the run gave up on the endpoint, if it did (read from the marker file). */
  tripped(): string | undefined {
    const marker = join(this.dir, TRIPPED);
    if (this.line === undefined && existsSync(marker))
      this.line = readFileSync(marker, 'utf8').trim() || "the endpoint's replies never finish";
    return this.line;
  }

  before(api: ApiDescriptor): void {
    const line = this.tripped();
    if (line === undefined) return;
    if (isCleanup(api) && !existsSync(join(this.dir, CLEANUP_STALLED))) return;
    throw new RepliesNeverFinishError(line);
  }

  failed(api: ApiDescriptor, error: unknown): void {
    const stall = describeStall(error);
    if (stall === undefined) return;
    mkdirSync(this.dir, { recursive: true });
    if (isCleanup(api)) writeFileSync(join(this.dir, CLEANUP_STALLED), `${stall}\n`);
    try {
      writeFileSync(join(this.dir, FIRST_STALL), `${stall}\n`, { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (this.tripped() !== undefined) return;
    // another worker may have created the file and not written it yet
    const first = readFileSync(join(this.dir, FIRST_STALL), 'utf8').trim() || stall;
    const again = first === stall ? '' : `, and so did ${stall.replace(/ sent headers and (\d+ bytes?).*$/, ' ($1)')}`;
    this.line = `the endpoint's replies never finish: ${first}${again}`;
    writeFileSync(join(this.dir, TRIPPED), `${this.line}\n`);
  }
}
