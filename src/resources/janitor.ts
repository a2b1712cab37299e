// The janitor: finds what earlier runs left on the target, by the name prefix every run gives what it creates
// (zc-<runId>-...), for each resource the contracts can query, and through the ledgers runs left in
// reports/runs/ (for a resource without a query API). A dry run lists them with their age; `yes` deletes them
// (projects deleted and expunged). A resource whose name lacks the prefix is never touched, whatever a ledger
// says.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { apisOf, type Contracts } from '../../contracts/index.ts';
import { finalBody } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import type { ZStackClient } from '../client/zstack-client.ts';
import { parseZStackTimestamp } from '../contract-model/timestamps.ts';
import { RUNS_DIR, ledgerPath } from '../safety/run-dir.ts';
import { ResourceKit } from './resource-kit.ts';
import { CreateLedger, outstanding, readLedger } from './ledger.ts';
import { findCreated } from './ledger-replay.ts';

export const NAME_PREFIX = 'zc-';
/** a run's prefix: zc-<runId>- (run ids are 1-16 lower-case letters or digits, src/config.ts) */
const RUN_NAME = /^zc-([a-z0-9]{1,16})-/;

export interface JanitorOptions {
  /** only this run's leftovers */
  runId?: string;
  /** only leftovers at least this old (ms) */
  olderThanMs?: number;
  /** delete (default: list only) */
  yes?: boolean;
  runsDir?: string;
}

export interface Leftover {
  resource: string;
  uuid?: string;
  name: string;
  runId: string;
  /** ms since it was created, as far as known */
  ageMs?: number;
  /** where it was found */
  via: 'name' | 'ledger';
}

export interface JanitorReport {
  leftovers: Leftover[];
  deleted: number;
  problems: string[];
}

const PAGE = 100;
const MAX_PAGES = 100;

/** The target's own clock (its local time, like every createDate it sends): the createDate of our session. */
function serverNowSeconds(zs: ZStackClient): number | undefined {
  for (const x of [...zs.history].reverse()) {
    if (zs.api(x.api).kind !== 'login') continue;
    const inv = finalBody(x)?.['inventory'];
    const created =
      isObject(inv) && typeof inv['createDate'] === 'string' ? parseZStackTimestamp(inv['createDate']) : undefined;
    return created?.seconds;
  }
  return undefined;
}

/** Every resource with a query API whose name starts with the prefix (zc-, or zc-<runId>-). */
async function byName(zs: ZStackClient, contracts: Contracts, opts: JanitorOptions): Promise<Leftover[]> {
  const prefix = opts.runId ? `${NAME_PREFIX}${opts.runId}-` : NAME_PREFIX;
  const now = serverNowSeconds(zs);
  const out: Leftover[] = [];
  const resources = [...new Set([...contracts.apis.values()].map((a) => a.resource))].sort();
  for (const resource of resources) {
    const query = apisOf(contracts, resource).find((a) => a.kind === 'query');
    if (!query) continue;
    for (let page = 0; page < MAX_PAGES; page++) {
      // LIKE: % is the wildcard; the prefix holds no % or _ (docs/zstack-protocol.md#operators-and-collation)
      const x = await zs.query(query.name, { q: [`name~=${prefix}%`], limit: PAGE, start: page * PAGE });
      const list = finalBody(x)?.['inventories'];
      if (x.final.status !== 200 || !Array.isArray(list))
        throw new Error(`${query.name} failed: HTTP ${x.final.status} ${x.final.text.slice(0, 200)}`);
      for (const inv of list) {
        if (!isObject(inv) || typeof inv['uuid'] !== 'string' || typeof inv['name'] !== 'string') continue;
        const m = RUN_NAME.exec(inv['name']);
        if (!m || !inv['name'].startsWith(prefix)) continue; // LIKE is case-insensitive: keep the exact prefix only
        const created = typeof inv['createDate'] === 'string' ? parseZStackTimestamp(inv['createDate']) : undefined;
        const ageMs = created && now !== undefined ? Math.max(0, (now - created.seconds) * 1000) : undefined;
        out.push({
          resource,
          uuid: inv['uuid'],
          name: inv['name'],
          runId: m[1],
          via: 'name',
          ...(ageMs !== undefined ? { ageMs } : {}),
        });
      }
      if (list.length < PAGE) break;
    }
  }
  return out;
}

/** Runs whose ledger is still in reports/runs (each: its id and what it says is left). */
function ledgers(opts: JanitorOptions): Array<{ runId: string; path: string; ageMs: number; left: Leftover[] }> {
  const dir = opts.runsDir ?? RUNS_DIR;
  if (!existsSync(dir)) return [];
  const out = [];
  for (const runId of readdirSync(dir).sort()) {
    if (opts.runId && runId !== opts.runId) continue;
    const path = ledgerPath(runId, dir);
    const entries = readLedger(path);
    if (entries.length === 0) continue;
    const { uuids, unresolved } = outstanding(entries);
    const ageMs = Date.now() - Date.parse(entries[0].at);
    const left: Leftover[] = [
      ...uuids
        .filter((u) => u.name?.startsWith(NAME_PREFIX))
        .map((u) => ({
          resource: u.resource,
          uuid: u.uuid,
          name: u.name ?? '(name not recorded)',
          runId,
          ageMs,
          via: 'ledger' as const,
        })),
      ...unresolved
        .filter((u) => u.name.startsWith(NAME_PREFIX))
        .map((u) => ({ resource: u.resource, name: u.name, runId, ageMs, via: 'ledger' as const })),
    ];
    if (left.length) out.push({ runId, path, ageMs, left });
  }
  return out;
}

/** Lists (and with `yes` deletes) what earlier runs left. */
export async function janitor(zs: ZStackClient, opts: JanitorOptions = {}): Promise<JanitorReport> {
  const oldEnough = (l: { ageMs?: number }) =>
    opts.olderThanMs === undefined || (l.ageMs !== undefined && l.ageMs >= opts.olderThanMs);
  const runs = ledgers(opts).filter(oldEnough);
  const fromLedgers = runs.flatMap((r) => r.left);
  const known = new Set(fromLedgers.map((l) => l.uuid).filter(Boolean));
  const named = (await byName(zs, zs.contracts, opts)).filter(oldEnough).filter((l) => !known.has(l.uuid));
  const leftovers = [...fromLedgers, ...named];
  if (!opts.yes) return { leftovers, deleted: 0, problems: [] };
  const problems: string[] = [];
  let deleted = 0;
  for (const run of runs) {
    // with the run's ledger as a guard, so each delete is marked gone in it
    const ledger = new CreateLedger(run.path);
    zs.guards.push(ledger);
    try {
      const kit = new ResourceKit(zs);
      for (const l of [...run.left].reverse()) {
        if (l.uuid) kit.adopt(l.resource, l.uuid);
        else
          for (const uuid of (await findCreated(zs, { resource: l.resource, name: l.name }, 0).catch(() => [])) ?? [])
            kit.adopt(l.resource, uuid, l.name);
      }
      const before = kit.size;
      const failed = await kit.cleanup();
      problems.push(...failed);
      deleted += before - failed.length;
    } finally {
      zs.guards.splice(zs.guards.indexOf(ledger), 1);
    }
    // done with the run once nothing of ours (prefixed) is outstanding in its ledger
    const rest = outstanding(readLedger(run.path));
    if (![...rest.uuids, ...rest.unresolved].some((u) => u.name?.startsWith(NAME_PREFIX)))
      rmSync(dirname(run.path), { recursive: true, force: true });
  }
  const kit = new ResourceKit(zs);
  // the kit deletes the last adopted first: adopt what others reference (projects) first, so it goes last
  for (const l of [...named].sort(
    (a, b) => dependencyRank(zs.contracts, b.resource) - dependencyRank(zs.contracts, a.resource),
  ))
    kit.adopt(l.resource, l.uuid as string);
  const before = kit.size;
  const failed = await kit.cleanup();
  problems.push(...failed);
  deleted += before - failed.length;
  return { leftovers, deleted, problems };
}

/** How many create APIs reference this resource: 0 for leaves, more for what others are made in (projects). */
function dependencyRank(contracts: Contracts, resource: string): number {
  let rank = 0;
  for (const a of contracts.apis.values()) {
    if (a.kind !== 'create') continue;
    if (Object.values(a.params).some((p) => p.references === resource)) rank++;
  }
  return rank;
}

/** "3h12m", "45s": an age for people. */
export function showAge(ms: number | undefined): string {
  if (ms === undefined) return 'age unknown';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400),
    h = Math.floor((s % 86400) / 3600),
    m = Math.floor((s % 3600) / 60);
  return d ? `${d}d${h}h` : h ? `${h}h${m}m` : m ? `${m}m${s % 60}s` : `${s}s`;
}

/** "2h", "30m", "1d", "45s" -> ms; undefined when unreadable. */
export function parseAge(text: string): number | undefined {
  const m = /^(\d+)(s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
