// The provider side of the provider states (states.ts): each creates what its interaction needs through the
// API, with the suite's own client and ResourceKit (run-id names), and returns the values the pact reads with
// fromProviderState. Everything created is deleted again after each interaction (cleanup()). Our own
// verification prepares the states ahead of their interactions (prepare()).
import type { JsonMap } from '@pact-foundation/pact/src/common/jsonTypes';
import { finalBody, type Exchange } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import { locationOf } from '../client/jobs.ts';
import { SetupError, newJobUuid, newUuid, type ZStackClient } from '../client/zstack-client.ts';
import { ResourceKit } from '../resources/resource-kit.ts';
import { STATES } from './states.ts';
import { apisOf } from '../../contracts/index.ts';
import { freshResource } from '../resources/fresh.ts';
import { InFlight } from '../client/in-flight.ts';

type Params = Record<string, unknown>;
type Handler = (params: unknown) => Promise<JsonMap | undefined>;

const asParams = (p: unknown): Params => (isObject(p) ? p : {});
/** The API parameters a generic state carries as JSON text. */
const jsonParams = (p: Params): Params => {
  const v = p['params'];
  const parsed: unknown = typeof v === 'string' && v !== '' ? JSON.parse(v) : {};
  return isObject(parsed) ? parsed : {};
};
const str = (p: Params, key: string, dflt?: string): string => {
  const v = p[key];
  if (typeof v === 'string' && v !== '') return v;
  if (dflt !== undefined) return dflt;
  throw new SetupError(`provider state: parameter "${key}" missing`);
};
/**
 * Well formed, names nothing (unknown uuid -> SYS.1003:
 * docs/zstack-protocol.md#unknown-resources-and-repeated-deletes).
 */
const unknownUuid = newUuid;

/** What one interaction's states made: a kit of its own and the names it reserved; deleted together. */
class StateWorld {
  readonly kit: ResourceKit;
  /** names handed out by freshOrganizationName: the organization the verifier creates with one is ours to delete */
  readonly reservedNames: string[] = [];

  constructor(readonly zs: ZStackClient) {
    this.kit = new ResourceKit(zs);
  }

  async cleanup(): Promise<string[]> {
    const problems: string[] = [];
    for (const name of this.reservedNames.splice(0))
      await this.deleteOrganizationsNamed(name).catch((e: unknown) => problems.push(String(e)));
    problems.push(...(await this.kit.cleanup()));
    return problems.map((p) => `cleanup: ${p}`);
  }

  /** Hands the organizations with a name this run reserved (run id in it), and only those, to the kit to delete. */
  private async deleteOrganizationsNamed(name: string): Promise<void> {
    const x = await this.zs.query('QueryIAM2Organization', { q: [`name=${name}`] });
    const list = finalBody(x)?.['inventories'];
    if (!Array.isArray(list)) return;
    for (const inv of list) {
      if (isObject(inv) && inv['name'] === name && typeof inv['uuid'] === 'string')
        this.kit.adopt('IAM2Organization', inv['uuid'], name);
    }
  }
}

/** A provider state of an interaction, as its pact names it. */
export interface StateRequest {
  name: string;
  params?: unknown;
}

interface Prepared {
  world: StateWorld;
  result?: JsonMap;
  error?: unknown;
}

const keyOf = (name: string, params: unknown): string => `${name}\n${stableJson(params ?? {})}`;
const stableJson = (v: unknown): string =>
  isObject(v)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
        .join(',')}}`
    : Array.isArray(v)
      ? `[${v.map(stableJson).join(',')}]`
      : JSON.stringify(v);

export class ProviderStates {
  /** state-setup failures, reported with the verification (pact-js only logs them) */
  readonly problems: string[] = [];
  /** the states set up when asked (the state service, and any state not prepared) */
  private current: StateWorld;
  /** states set up ahead of their interaction (prepare), by name and params */
  private readonly prepared = new Map<string, Array<Promise<Prepared>>>();
  /** prepared states the running interaction took: deleted after it, in the background */
  private readonly taken: StateWorld[] = [];
  private readonly background: Array<Promise<void>> = [];
  private slots = new InFlight(1);

  constructor(readonly zs: ZStackClient) {
    this.current = new StateWorld(zs);
  }

  /** The kit of the states set up when asked. */
  get kit(): ResourceKit {
    return this.current.kit;
  }

  /**
   * Sets up the states of the interactions to come, `inFlight` at a time, each in a world of its own; a handler
   * asked for the same state and params takes one instead of waiting for its jobs. The verifier runs one
   * interaction at a time and each state waits for its jobs (docs/performance.md); prepared states overlap
   * those waits. Not awaited: a handler waits for its own state only.
   */
  prepare(states: readonly StateRequest[], inFlight: number): void {
    this.slots = new InFlight(Math.max(1, inFlight));
    for (const s of states) {
      const world = new StateWorld(this.zs);
      const ready = this.slots.run(async (): Promise<Prepared> => {
        try {
          return { world, result: (await this.setUp(s.name, asParams(s.params), world)) ?? {} };
        } catch (error) {
          return { world, error };
        }
      });
      const key = keyOf(s.name, s.params);
      this.prepared.set(key, [...(this.prepared.get(key) ?? []), ready]);
    }
  }

  /**
   * After each interaction: deletes what the states set up when asked, and starts deleting the prepared ones it
   * took (the next interaction does not wait for those).
   */
  async cleanup(): Promise<void> {
    for (const world of this.taken.splice(0))
      this.background.push(
        this.slots.run(async () => {
          this.problems.push(...(await world.cleanup()));
        }),
      );
    this.problems.push(...(await this.current.cleanup()));
  }

  /** At the end: waits for the background deletes and deletes the prepared states no interaction took. */
  async close(): Promise<void> {
    await this.cleanup();
    const unused = [...this.prepared.values()].flat();
    this.prepared.clear();
    for (const ready of unused)
      this.background.push(
        ready.then((p) =>
          this.slots.run(async () => {
            this.problems.push(...(await p.world.cleanup()));
          }),
        ),
      );
    await Promise.all(this.background.splice(0));
  }

  /** The state handlers for pact-js's Verifier, each failure recorded with the state's name. */
  handlers(): Record<string, Handler> {
    const wrapped: Record<string, Handler> = {};
    for (const name of Object.values(STATES)) {
      wrapped[name] = async (params: unknown) => {
        try {
          const ready = this.prepared.get(keyOf(name, params))?.shift();
          if (!ready) return await this.setUp(name, asParams(params), this.current);
          const p = await ready;
          this.taken.push(p.world);
          if (p.error !== undefined) throw p.error;
          return p.result;
        } catch (e) {
          this.problems.push(`state "${name}": ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        }
      };
    }
    return wrapped;
  }

  /** Sets up one state in `world`; returns the values the pact reads with fromProviderState. */
  private async setUp(name: string, p: Params, world: StateWorld): Promise<JsonMap | undefined> {
    const kit = world.kit;
    switch (name) {
      case STATES.organizationInState:
        return { uuid: await this.organization(kit, str(p, 'state', 'Enabled')) };
      case STATES.freshOrganizationName: {
        const orgName = kit.reserveName('IAM2Organization', 'pact-org');
        world.reservedNames.push(orgName);
        return { name: orgName };
      }
      case STATES.flowCollection:
        return { uuid: (await kit.flowCollection()).collection['uuid'] as string };
      case STATES.createOrganizationJob: {
        const create = this.zs.api('CreateIAM2Organization');
        const jobUuid = newJobUuid();
        const x = await this.zs.call(
          create.name,
          { name: kit.name('org'), type: create.params['type']?.enum?.[0] },
          { headers: { 'X-Job-UUID': jobUuid } },
        );
        kit.track('IAM2Organization', create, x);
        return { jobUuid: jobOf(x, jobUuid) };
      }
      case STATES.resourceExists:
        return { uuid: await this.fresh(kit, str(p, 'resource')) };
      case STATES.resourceInState:
        return { uuid: await this.inState(kit, str(p, 'resource'), str(p, 'state')) };
      case STATES.unknownResource:
        return { uuid: unknownUuid() };
      case STATES.actionJobInState: {
        const uuid = await this.inState(kit, str(p, 'resource'), str(p, 'state'));
        return {
          jobUuid: await this.finishedJob(str(p, 'api'), { ...this.pathAt(str(p, 'api'), uuid), ...jsonParams(p) }),
        };
      }
      case STATES.actionJob: {
        const uuid = await this.fresh(kit, str(p, 'resource'));
        return {
          jobUuid: await this.finishedJob(str(p, 'api'), { ...this.pathAt(str(p, 'api'), uuid), ...jsonParams(p) }),
        };
      }
      case STATES.unknownResourceJob:
        return {
          jobUuid: await this.finishedJob(str(p, 'api'), {
            ...this.pathAt(str(p, 'api'), unknownUuid()),
            ...jsonParams(p),
          }),
        };
      case STATES.deleteOrganizationJob: {
        const uuid = await this.organization(kit, 'Enabled');
        const jobUuid = await this.finishedJob('DeleteIAM2Organization', { uuid });
        kit.forget(uuid);
        return { jobUuid };
      }
      default:
        throw new SetupError(`provider state: unknown state "${name}"`);
    }
  }

  /** A fresh resource of any kind with a create API, with what it needs (derived inputs). */
  private async fresh(kit: ResourceKit, resource: string): Promise<string> {
    return (await freshResource({ zs: this.zs, kit }, resource))['uuid'] as string;
  }

  /** A fresh resource brought to `state` by its state-event API (the event whose transition names it). */
  private async inState(kit: ResourceKit, resource: string, state: string): Promise<string> {
    const inv = await freshResource({ zs: this.zs, kit }, resource);
    const uuid = inv['uuid'] as string;
    const change = apisOf(this.zs.contracts, resource).find((a) => a.effect?.kind === 'stateEvent');
    if (!change || inv[change.effect?.field ?? 'state'] === state) return uuid;
    const event = Object.entries(change.effect?.transitions ?? {}).find(([, to]) => to === state)?.[0];
    if (!event) throw new SetupError(`provider state: no stateEvent of ${resource} leads to state ${state}`);
    const x = await this.zs.call(change.name, {
      ...this.pathAt(change.name, uuid),
      [change.effect?.param ?? 'stateEvent']: event,
    });
    if (x.final.status !== 200)
      throw new SetupError(`provider state: ${change.name} ${event} was refused (HTTP ${x.final.status})`);
    return uuid;
  }

  private pathAt(api: string, uuid: string): Params {
    return Object.fromEntries(
      Object.entries(this.zs.api(api).params)
        .filter(([, p]) => p.in === 'path')
        .map(([n]) => [n, uuid]),
    );
  }

  /** An organization in the given state (created Enabled, then disabled when asked). */
  private async organization(kit: ResourceKit, state: string): Promise<string> {
    const org = await kit.organization();
    const uuid = org['uuid'] as string;
    if (org['state'] !== state) {
      const change = this.zs.api('ChangeIAM2OrganizationState');
      const event = Object.entries(change.effect?.transitions ?? {}).find(([, to]) => to === state)?.[0];
      if (!event) throw new SetupError(`provider state: no stateEvent leads to state ${state}`);
      const x = await this.zs.call(change.name, { uuid, stateEvent: event });
      if (x.final.status !== 200)
        throw new SetupError(`provider state: ${change.name} ${event} was refused (HTTP ${x.final.status})`);
    }
    return uuid;
  }

  /** Runs an async API to its end with a job uuid of our choosing (X-Job-UUID) and returns the job's uuid. */
  private async finishedJob(api: string, params: Params): Promise<string> {
    const jobUuid = newJobUuid();
    const x = await this.zs.call(api, params, { headers: { 'X-Job-UUID': jobUuid } });
    if (x.unsettled) throw new SetupError(`provider state: the ${api} job did not settle (${x.unsettled})`);
    return jobOf(x, jobUuid);
  }
}

/** The job's uuid: the last path segment of the location (the server's word), else the one we asked for. */
function jobOf(x: Exchange, asked: string): string {
  const loc = locationOf(x.hops[0].response);
  const m = loc ? /\/api-jobs\/([0-9a-f]{32})\b/.exec(loc) : null;
  return m ? m[1] : asked;
}
