// Creates the resources a scenario needs, names them with the run id, and deletes them again (newest first),
// also when the scenario fails. Only what this kit created is ever deleted.
import { findApi, type ApiDescriptor } from '../../contracts/index.ts';
import { finalBody, type Exchange } from '../exchange/exchange.ts';
import { isObject, type JsonObject } from '../exchange/json.ts';
import { SetupError, oneLine, type ZStackClient } from '../client/zstack-client.ts';
import { randomBytes } from 'node:crypto';
import { mapInFlight } from '../client/in-flight.ts';
import { CreateLedger } from './ledger.ts';
import { validParams } from './fresh.ts';

interface Created {
  resource: string;
  uuid: string;
  /** uuids of earlier resources of this kit that its create named (a parent, a project): deleted after it */
  refs: string[];
  /** made elsewhere: what it depends on is unknown, so it is deleted on its own */
  adopted?: boolean;
}

export class ResourceKit {
  private readonly created: Created[] = [];
  private counter = 0;
  /** distinguishes kits of one run (workers, properties and scenarios at once): project names must be unique */
  private readonly kitId = randomBytes(3).toString('hex');

  constructor(readonly zs: ZStackClient) {}

  /**
   * A name that says which run made it: zc-<runId>-<label>-<kit>-<n>. The counter has four digits, so that a
   * generated name cut to its parameter's maximum length keeps the same text in every run (docs/differential.md).
   */
  name(label: string): string {
    return `zc-${this.zs.config.runId}-${label}-${this.kitId}-${String(++this.counter).padStart(4, '0')}`;
  }

  private api(resource: string, kind: ApiDescriptor['kind']): ApiDescriptor {
    return findApi(this.zs.contracts, resource, kind);
  }

  /** Creates a resource through its create API; a refusal is a setup error naming what the server said. */
  async create(resource: string, params: Record<string, unknown>): Promise<JsonObject> {
    const api = this.api(resource, 'create');
    const x = await this.zs.call(api.name, params);
    return this.track(resource, api, x);
  }

  track(resource: string, api: ApiDescriptor, x: Exchange): JsonObject {
    const inv = finalBody(x)?.['inventory'];
    if (x.final.status !== 200 || !isObject(inv) || typeof inv['uuid'] !== 'string') {
      const err = finalBody(x)?.['error'];
      const said = isObject(err)
        ? `${String(err['code'])} ${String(err['details'] ?? err['description'] ?? '')}`
        : oneLine(x.final.text);
      throw new SetupError(`setup: ${api.name} was refused (HTTP ${x.final.status}): ${said}`);
    }
    const sent = x.hops[0]?.request;
    const said = `${sent?.url ?? ''} ${sent?.body ?? ''}`;
    this.created.push({
      resource,
      uuid: inv['uuid'],
      refs: this.created.filter((c) => said.includes(c.uuid)).map((c) => c.uuid),
    });
    return inv;
  }

  /**
   * Takes over a resource made elsewhere (found by the name this run gave it, or through a ledger replayed after
   * an interrupt, or made by a create the server should have refused): cleanup deletes it. With its name, the
   * run's ledger learns its uuid.
   */
  adopt(resource: string, uuid: string, name?: string): void {
    if (name !== undefined)
      this.zs.guards
        .find((g): g is CreateLedger => g instanceof CreateLedger)
        ?.append({ op: 'created', resource, uuid, name });
    if (!this.created.some((c) => c.uuid === uuid)) this.created.push({ resource, uuid, refs: [], adopted: true });
  }

  /** How many resources cleanup would delete. */
  get size(): number {
    return this.created.length;
  }

  /**
   * A run-id name for a resource someone else creates (the pact verifier's create): recorded in the run's
   * ledger first, so the teardown finds it by name even if this process never learns its uuid.
   */
  reserveName(resource: string, label: string): string {
    const name = this.name(label);
    this.zs.guards.find((g): g is CreateLedger => g instanceof CreateLedger)?.reserve(resource, name);
    return name;
  }

  /** Marks a resource as deleted by the scenario itself (so cleanup does not try again). */
  forget(uuid: string): void {
    const i = this.created.findIndex((c) => c.uuid === uuid);
    if (i >= 0) this.created.splice(i, 1);
  }

  async organization(extra: Record<string, unknown> = {}): Promise<JsonObject> {
    const create = this.api('IAM2Organization', 'create');
    return this.create('IAM2Organization', {
      name: this.name('org'),
      type: create.params['type']?.enum?.[0],
      ...extra,
    });
  }

  /**
   * A project with an approver in it: a project (unique name), a virtual ID that joins it (a real server only
   * creates a flow collection that has approvers: docs/zstack-protocol.md#flow-collections-and-their-approvers).
   * ZSTACK_FLOW_APPROVER_UUID names an existing approver instead, for targets that demand a privileged one.
   */
  async approvedProject(): Promise<{ project: JsonObject; approverUuid: string }> {
    const project = await this.create('IAM2Project', { name: this.name('project') });
    let approverUuid = this.zs.config.flowApproverUuid;
    if (!approverUuid) {
      // every parameter its descriptor requires (the password a fresh secret), named as an approver
      const create = this.api('IAM2VirtualID', 'create');
      const vid = await this.create('IAM2VirtualID', {
        ...(await validParams({ zs: this.zs, kit: this }, create, new Map())),
        name: this.name('approver'),
      });
      approverUuid = vid['uuid'] as string;
    }
    const join = findApi(this.zs.contracts, 'IAM2Project', 'action', 'membership');
    const x = await this.zs.call(join.name, { projectUuid: project['uuid'], virtualIDUuids: [approverUuid] });
    if (x.final.status !== 200)
      throw new SetupError(`setup: ${join.name} was refused (HTTP ${x.final.status}): ${oneLine(x.final.text)}`);
    return { project, approverUuid };
  }

  /** A flow collection a real server accepts: in an approved project, with one flow its approver approves. */
  async flowCollection(
    extra: Record<string, unknown> = {},
  ): Promise<{ collection: JsonObject; project: JsonObject; approverUuid: string }> {
    const { project, approverUuid } = await this.approvedProject();
    const collection = await this.create('TicketFlowCollection', {
      projectUuid: project['uuid'],
      name: this.name('flows'),
      flows: [{ name: this.name('flow'), approverUuid }],
      ...extra,
    });
    return { collection, project, approverUuid };
  }

  /**
   * Deletes everything this kit created, newest first; projects are also expunged (their names stay taken until
   * then). Neighbours of one kind that do not name each other (the rows of a query fixture) are deleted several
   * at once (ZSTACK_CASES_IN_FLIGHT), as independent cases already are; anything else waits for what came after it.
   */
  async cleanup(): Promise<string[]> {
    const problems: string[][] = [];
    while (this.created.length > 0)
      problems.push(...(await mapInFlight(this.nextBatch(), this.zs.config.casesInFlight, (c) => this.remove(c))));
    return problems.flat();
  }

  /** The newest resource and the older ones of its kind before it that nothing in the batch names. */
  private nextBatch(): Created[] {
    const batch = [this.created.pop() as Created];
    for (let c = this.created.at(-1); c !== undefined; c = this.created.at(-1)) {
      if (
        batch[0].adopted ||
        c.adopted ||
        c.resource !== batch[0].resource ||
        batch.some((b) => b.refs.includes(c.uuid))
      )
        break;
      batch.push(this.created.pop() as Created);
    }
    return batch;
  }

  private async remove(c: Created): Promise<string[]> {
    const problems: string[] = [];
    try {
      const del = this.api(c.resource, 'delete');
      const key = Object.entries(del.params).find(([, p]) => p.in === 'path')?.[0] ?? 'uuid';
      const x = await this.zs.call(del.name, { [key]: c.uuid });
      if (x.final.status !== 200) problems.push(`${del.name} ${c.uuid}: HTTP ${x.final.status}`);
      if (del.effect?.softDelete) {
        const expunge = findApi(this.zs.contracts, c.resource, 'action', 'expunge');
        const y = await this.zs.call(expunge.name, { uuid: c.uuid });
        if (y.final.status !== 200) problems.push(`${expunge.name} ${c.uuid}: HTTP ${y.final.status}`);
      }
    } catch (e) {
      problems.push(`${c.resource} ${c.uuid}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return problems;
  }
}
