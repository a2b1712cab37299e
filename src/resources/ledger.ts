// The run's ledger of what it created, kept on disk so cleanup survives the process that made the resource
// (Ctrl-C, a CI timeout's SIGTERM, a worker crash). Every create is recorded twice: an intent line before
// the request goes out (the resource, its name and the X-Job-UUID the create is sent with, so a create still
// in flight at the interrupt can be found through its job or by name), and the uuid once the answer shows
// it, before the result reaches the test. A successful delete (expunge for projects) marks it gone. Intent
// and created lines are fsync'ed before the call proceeds. The teardown (ledger-replay.ts) deletes the rest.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiDescriptor } from '../../contracts/index.ts';
import { finalBody, type Exchange, type WireRequest } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import { newJobUuid, type SendGuard } from '../client/zstack-client.ts';

export type LedgerEntry =
  /**
   * a create about to be sent (jobUuid: its X-Job-UUID), or a name reserved for a create made by someone else (the pact
   * verifier)
   */
  | { op: 'intent'; resource: string; name: string; jobUuid?: string; at: string }
  | { op: 'created'; resource: string; uuid: string; name?: string; at: string }
  | { op: 'gone'; resource: string; uuid: string; at: string }
  /** the create settled without creating (an ErrorCode): nothing to find */
  | { op: 'refused'; resource: string; name: string; at: string };

type NewEntry =
  | { op: 'intent'; resource: string; name: string; jobUuid?: string }
  | { op: 'created'; resource: string; uuid: string; name?: string }
  | { op: 'gone'; resource: string; uuid: string }
  | { op: 'refused'; resource: string; name: string };

export class CreateLedger implements SendGuard {
  private fd: number | undefined;

  /**
   * durable: fsync the lines that announce a resource (intent, created) before the call goes on. Off only for
   * the embedded server, which ends with the run and takes what it stores along (a sync costs milliseconds).
   */
  constructor(
    readonly path: string,
    private readonly durable = true,
  ) {}

  /** Appends one line; an intent or created line reaches the disk before this returns. */
  append(entry: NewEntry): void {
    if (this.fd === undefined || !existsSync(this.path)) {
      if (this.fd !== undefined) closeSync(this.fd);
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a');
    }
    writeSync(this.fd, JSON.stringify({ ...entry, at: new Date().toISOString() }) + '\n');
    // a lost gone or refused line only costs a redundant delete or lookup at teardown
    if (this.durable && (entry.op === 'intent' || entry.op === 'created')) fsyncSync(this.fd);
  }

  /** A name the run hands to a create it does not send itself (pact verification): found by name at teardown. */
  reserve(resource: string, name: string): void {
    this.append({ op: 'intent', resource, name });
  }

  before(api: ApiDescriptor, request: WireRequest): WireRequest | void {
    if (api.kind !== 'create') return;
    const name = nameInBody(api, request.body);
    let headers = request.headers;
    let jobUuid = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-job-uuid')?.[1];
    if (jobUuid === undefined && api.async) {
      // our own job uuid (docs/zstack-protocol.md#the-x-job-uuid-header): the teardown can ask the job what it created
      jobUuid = newJobUuid();
      headers = { ...headers, 'X-Job-UUID': jobUuid };
    }
    this.append({ op: 'intent', resource: api.resource, name: name ?? '', ...(jobUuid ? { jobUuid } : {}) });
    return headers === request.headers ? undefined : { ...request, headers };
  }

  after(api: ApiDescriptor, x: Exchange): void {
    if (x.final.status !== 200) {
      const name = api.kind === 'create' && !x.unsettled ? nameInBody(api, x.hops[0].request.body) : undefined;
      if (name) this.append({ op: 'refused', resource: api.resource, name });
      return;
    }
    if (api.kind === 'create') {
      const inv = finalBody(x)?.['inventory'];
      // the name as sent (the intent's), not as stored: the server trims it
      const name = nameInBody(api, x.hops[0].request.body);
      if (isObject(inv) && typeof inv['uuid'] === 'string')
        this.append({ op: 'created', resource: api.resource, uuid: inv['uuid'], ...(name ? { name } : {}) });
      return;
    }
    // gone: deleted (resources deleted in one step) or expunged (projects: a delete only marks them Deleted)
    const gone = (api.kind === 'delete' && !api.effect?.softDelete) || api.effect?.kind === 'expunge';
    const uuid = uuidInPath(api, x.hops[0].request.url);
    if (gone && uuid) this.append({ op: 'gone', resource: api.resource, uuid });
  }
}

function nameInBody(api: ApiDescriptor, body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const params = isObject(parsed) ? parsed[api.bodyKey ?? 'params'] : undefined;
    return isObject(params) && typeof params['name'] === 'string' ? params['name'] : undefined;
  } catch {
    return undefined;
  }
}

/** The uuid a delete or action names in its path (the path parameter of type uuid). */
function uuidInPath(api: ApiDescriptor, url: string): string | undefined {
  const at = api.path.split('/').findIndex((seg) => /^\{\w+\}$/.test(seg));
  if (at < 0) return undefined;
  const segs = new URL(url).pathname.replace(/^.*?\/v1\//, '/v1/').split('/');
  return segs[at] ? decodeURIComponent(segs[at]) : undefined;
}

/** The ledger's lines, in order; a torn last line (a crash mid-write) is skipped. */
export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  const out: LedgerEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as LedgerEntry);
    } catch {
      // a partial line: the create it announced is found by the janitor's name prefix instead
    }
  }
  return out;
}

export interface Outstanding {
  /** created and not gone, newest first */
  uuids: Array<{ resource: string; uuid: string; name?: string }>;
  /** intents no created line answered (in flight at the interrupt, or made by the pact verifier) */
  unresolved: Array<{ resource: string; name: string; jobUuid?: string }>;
}

/** What the ledger says is still on the target. */
export function outstanding(entries: LedgerEntry[]): Outstanding {
  const created = new Map<string, { resource: string; uuid: string; name?: string }>();
  const namesCreated = new Set<string>();
  const gone = new Set<string>();
  for (const e of entries) {
    if (e.op === 'created') {
      created.set(e.uuid, { resource: e.resource, uuid: e.uuid, ...(e.name ? { name: e.name } : {}) });
      if (e.name) namesCreated.add(e.name);
    } else if (e.op === 'refused') namesCreated.add(e.name);
    else if (e.op === 'gone') gone.add(e.uuid);
  }
  const unresolved = entries
    .filter(
      (e): e is Extract<LedgerEntry, { op: 'intent' }> =>
        e.op === 'intent' && e.name !== '' && !namesCreated.has(e.name),
    )
    .map((e) => ({ resource: e.resource, name: e.name, ...(e.jobUuid ? { jobUuid: e.jobUuid } : {}) }));
  const uuids = [...created.values()].filter((c) => !gone.has(c.uuid)).reverse();
  return { uuids, unresolved };
}
