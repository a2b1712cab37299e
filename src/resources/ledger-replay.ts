// Replays a run's ledger (ledger.ts) against the target: finds what creates in flight at an interrupt made
// (through the job uuid they were sent with, else by their exact name), then deletes everything the run
// created and did not delete, newest first (projects are deleted and expunged). Only uuids and names the
// ledger holds are touched. The ledger file is removed once nothing is outstanding.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { apisOf } from '../../contracts/index.ts';
import { finalBody } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import type { ZStackClient } from '../client/zstack-client.ts';
import { ResourceKit } from './resource-kit.ts';
import { CreateLedger, outstanding, readLedger } from './ledger.ts';

export interface ReplayResult {
  /** resources deleted now */
  deleted: number;
  problems: string[];
  /** entries still outstanding after the replay (0: the ledger was removed) */
  remaining: number;
}

const JOB_PATH = '/zstack/v1/api-jobs/';

/** The uuid a create's job made, asking the job by the X-Job-UUID it was sent with (bounded by settleMs). */
async function uuidFromJob(zs: ZStackClient, jobUuid: string, settleMs: number): Promise<string | undefined> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const r = await zs.transport.send({
      method: 'GET',
      url: zs.baseUrl + JOB_PATH + jobUuid,
      headers: zs.session ? { Authorization: `OAuth ${zs.session}` } : {},
    });
    if (r.status === 200) {
      const inv = isObject(r.json) ? r.json['inventory'] : undefined;
      return isObject(inv) && typeof inv['uuid'] === 'string' ? inv['uuid'] : undefined;
    }
    if (r.status !== 202 || Date.now() + zs.config.pollIntervalMs > deadline) return undefined;
    await new Promise((res) => setTimeout(res, zs.config.pollIntervalMs));
  }
}

/** uuids of the resources named exactly `name` (only resources with a query API can be found this way). */
async function uuidsByName(zs: ZStackClient, resource: string, name: string): Promise<string[] | undefined> {
  const query = apisOf(zs.contracts, resource).find((a) => a.kind === 'query');
  if (!query) return undefined;
  const x = await zs.query(query.name, { q: [`name=${name}`] });
  const list = finalBody(x)?.['inventories'];
  if (!Array.isArray(list)) return [];
  return list
    .filter((i) => isObject(i) && i['name'] === name && typeof i['uuid'] === 'string')
    .map((i) => (i as Record<string, string>)['uuid']);
}

/**
 * What a create the ledger announced but never saw answered made: its job's result (asked by the X-Job-UUID it
 * was sent with), else the resources with exactly its name; undefined when neither can be asked.
 */
export async function findCreated(
  zs: ZStackClient,
  intent: { resource: string; name: string; jobUuid?: string },
  settleMs: number,
): Promise<string[] | undefined> {
  const fromJob = intent.jobUuid ? await uuidFromJob(zs, intent.jobUuid, settleMs) : undefined;
  return fromJob ? [fromJob] : uuidsByName(zs, intent.resource, intent.name);
}

/**
 * Deletes what the ledger at `path` says the run left. `zs` is logged in and carries the ledger as a guard
 * (so each delete is marked gone as it succeeds and a second replay resumes where this one stopped).
 */
export async function replayLedger(
  zs: ZStackClient,
  path: string,
  opts: { settleMs?: number } = {},
): Promise<ReplayResult> {
  const ledger =
    zs.guards.find((g): g is CreateLedger => g instanceof CreateLedger && g.path === path) ?? new CreateLedger(path);
  if (!zs.guards.includes(ledger)) zs.guards.push(ledger);
  const settleMs = opts.settleMs ?? Math.min(zs.config.jobTimeoutMs, 10_000);
  const problems: string[] = [];
  const { uuids, unresolved } = outstanding(readLedger(path));
  const kit = new ResourceKit(zs);
  // oldest first into the kit: its cleanup deletes newest first (flow collections before their project)
  for (const u of [...uuids].reverse()) kit.adopt(u.resource, u.uuid);
  for (const intent of unresolved) {
    try {
      const found = await findCreated(zs, intent, settleMs);
      if (found === undefined) {
        problems.push(
          `${intent.resource} "${intent.name}": its create did not report a uuid and ${intent.resource} has no query API to find it by name (npm run janitor lists leftovers)`,
        );
        continue;
      }
      for (const uuid of found) kit.adopt(intent.resource, uuid, intent.name);
    } catch (e) {
      problems.push(`${intent.resource} "${intent.name}": ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const toDelete = kit.size;
  problems.push(...(await kit.cleanup()));
  const left = outstanding(readLedger(path));
  const remaining = left.uuids.length + (problems.length ? left.unresolved.length : 0);
  if (remaining === 0 && problems.length === 0) rmSync(dirname(path), { recursive: true, force: true });
  return { deleted: toDelete - left.uuids.length, problems, remaining };
}
