// The provider side of the provider states (states.ts): each creates what its interaction needs through the
// API, with the suite's own client and ResourceKit (run-id names), and returns the values the pact reads with
// fromProviderState. Everything created is deleted again after each interaction (cleanup()).
import type { JsonMap } from '@pact-foundation/pact/src/common/jsonTypes';
import { finalBody, type Exchange } from '../exchange/exchange.ts';
import { isObject } from '../exchange/json.ts';
import { locationOf } from '../client/jobs.ts';
import { SetupError, newJobUuid, newUuid, type ZStackClient } from '../client/zstack-client.ts';
import { ResourceKit } from '../resources/resource-kit.ts';
import { STATES } from './states.ts';
import { apisOf } from '../../contracts/index.ts';
import { freshResource } from '../resources/fresh.ts';

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
/** Well formed, names nothing (unknown uuid -> SYS.1003: docs/zstack-protocol.md#unknown-resources-and-repeated-deletes). */
const unknownUuid = newUuid;

export class ProviderStates {
  readonly kit: ResourceKit;
  /** state-setup failures, reported with the verification (pact-js only logs them) */
  readonly problems: string[] = [];
  /** names handed out by freshOrganizationName: the organization the verifier creates with one is ours to delete */
  private readonly reservedNames: string[] = [];

  constructor(readonly zs: ZStackClient) {
    this.kit = new ResourceKit(zs);
  }

  /** Deletes what the last interaction's states created; called after every interaction. */
  async cleanup(): Promise<void> {
    for (const name of this.reservedNames.splice(0)) await this.deleteOrganizationsNamed(name).catch((e: unknown) => this.problems.push(`cleanup: ${String(e)}`));
    const problems = await this.kit.cleanup();
    this.problems.push(...problems.map((p) => `cleanup: ${p}`));
  }

  /** The state handlers for pact-js's Verifier, each failure recorded with the state's name. */
  handlers(): Record<string, Handler> {
    const h: Record<string, (p: Params) => Promise<JsonMap | undefined>> = {
      [STATES.organizationInState]: async (p) => ({ uuid: await this.organization(str(p, 'state', 'Enabled')) }),
      [STATES.freshOrganizationName]: async () => {
        const name = this.kit.reserveName('IAM2Organization', 'pact-org');
        this.reservedNames.push(name);
        return { name };
      },
      [STATES.flowCollection]: async () => ({ uuid: (await this.kit.flowCollection()).collection['uuid'] as string }),
      [STATES.createOrganizationJob]: async () => {
        const create = this.zs.api('CreateIAM2Organization');
        const jobUuid = newJobUuid();
        const x = await this.zs.call(create.name, { name: this.kit.name('org'), type: create.params['type']?.enum?.[0] }, { headers: { 'X-Job-UUID': jobUuid } });
        this.kit.track('IAM2Organization', create, x);
        return { jobUuid: jobOf(x, jobUuid) };
      },
      [STATES.resourceExists]: async (p) => ({ uuid: await this.fresh(str(p, 'resource')) }),
      [STATES.resourceInState]: async (p) => ({ uuid: await this.inState(str(p, 'resource'), str(p, 'state')) }),
      [STATES.unknownResource]: async () => ({ uuid: unknownUuid() }),
      [STATES.actionJobInState]: async (p) => {
        const uuid = await this.inState(str(p, 'resource'), str(p, 'state'));
        return { jobUuid: await this.finishedJob(str(p, 'api'), { ...this.pathAt(str(p, 'api'), uuid), ...jsonParams(p) }) };
      },
      [STATES.actionJob]: async (p) => {
        const uuid = await this.fresh(str(p, 'resource'));
        return { jobUuid: await this.finishedJob(str(p, 'api'), { ...this.pathAt(str(p, 'api'), uuid), ...jsonParams(p) }) };
      },
      [STATES.unknownResourceJob]: async (p) => ({ jobUuid: await this.finishedJob(str(p, 'api'), { ...this.pathAt(str(p, 'api'), unknownUuid()), ...jsonParams(p) }) }),
      [STATES.deleteOrganizationJob]: async () => {
        const uuid = await this.organization('Enabled');
        const jobUuid = await this.finishedJob('DeleteIAM2Organization', { uuid });
        this.kit.forget(uuid);
        return { jobUuid };
      },
    };
    const wrapped: Record<string, Handler> = {};
    for (const [name, fn] of Object.entries(h)) {
      wrapped[name] = async (params: unknown) => {
        try {
          return await fn(asParams(params));
        } catch (e) {
          this.problems.push(`state "${name}": ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        }
      };
    }
    return wrapped;
  }

  /** A fresh resource of any kind with a create API, with what it needs (derived inputs). */
  private async fresh(resource: string): Promise<string> {
    return (await this.freshInventory(resource))['uuid'] as string;
  }

  private async freshInventory(resource: string): Promise<Record<string, unknown>> {
    return freshResource({ zs: this.zs, kit: this.kit }, resource);
  }

  /** A fresh resource brought to `state` by its state-event API (the event whose transition names it). */
  private async inState(resource: string, state: string): Promise<string> {
    const inv = await this.freshInventory(resource);
    const uuid = inv['uuid'] as string;
    const change = apisOf(this.zs.contracts, resource).find((a) => a.effect?.kind === 'stateEvent');
    if (!change || inv[change.effect?.field ?? 'state'] === state) return uuid;
    const event = Object.entries(change.effect?.transitions ?? {}).find(([, to]) => to === state)?.[0];
    if (!event) throw new SetupError(`provider state: no stateEvent of ${resource} leads to state ${state}`);
    const x = await this.zs.call(change.name, { ...this.pathAt(change.name, uuid), [change.effect?.param ?? 'stateEvent']: event });
    if (x.final.status !== 200) throw new SetupError(`provider state: ${change.name} ${event} was refused (HTTP ${x.final.status})`);
    return uuid;
  }

  private pathAt(api: string, uuid: string): Params {
    return Object.fromEntries(Object.entries(this.zs.api(api).params).filter(([, p]) => p.in === 'path').map(([n]) => [n, uuid]));
  }

  /** An organization in the given state (created Enabled, then disabled when asked). */
  private async organization(state: string): Promise<string> {
    const org = await this.kit.organization();
    const uuid = org['uuid'] as string;
    if (org['state'] !== state) {
      const change = this.zs.api('ChangeIAM2OrganizationState');
      const event = Object.entries(change.effect?.transitions ?? {}).find(([, to]) => to === state)?.[0];
      if (!event) throw new SetupError(`provider state: no stateEvent leads to state ${state}`);
      const x = await this.zs.call(change.name, { uuid, stateEvent: event });
      if (x.final.status !== 200) throw new SetupError(`provider state: ${change.name} ${event} was refused (HTTP ${x.final.status})`);
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

  /** Hands the organizations with a name this run reserved (run id in it), and only those, to the kit to delete. */
  private async deleteOrganizationsNamed(name: string): Promise<void> {
    const x = await this.zs.query('QueryIAM2Organization', { q: [`name=${name}`] });
    const list = finalBody(x)?.['inventories'];
    if (!Array.isArray(list)) return;
    for (const inv of list) {
      if (isObject(inv) && inv['name'] === name && typeof inv['uuid'] === 'string') this.kit.adopt('IAM2Organization', inv['uuid'], name);
    }
  }
}

/** The job's uuid: the last path segment of the location (the server's word), else the one we asked for. */
function jobOf(x: Exchange, asked: string): string {
  const loc = locationOf(x.hops[0].response);
  const m = loc ? /\/api-jobs\/([0-9a-f]{32})\b/.exec(loc) : null;
  return m ? m[1] : asked;
}
