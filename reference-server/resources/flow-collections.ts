// IAM2 ticket flow collections (docs/zstack-protocol.md#flow-collections-and-their-approvers):
// >= 1 flow, each approved by an existing virtual ID that is a member of the collection's project.
import type { ServerContext } from '../context.ts';
import { invalidArgument } from '../errors.ts';
import type { StoredResource } from '../store.ts';
import { membersOf } from './projects.ts';
import type { ApiCall } from '../api-call.ts';
import { applyFields, type ResourceModule } from './types.ts';

const RESOURCE = 'TicketFlowCollection';
const NEED_FLOW = 'at least one flow is needed for create flow collection';

type FlowStruct = { name: string; description?: string; approverUuid: string; approverTitle?: string };

function checkApprovers(ctx: ServerContext, projectUuid: string, flows: FlowStruct[]): void {
  const project = ctx.store.get('IAM2Project', projectUuid);
  for (const f of flows) {
    if (!ctx.store.live('IAM2VirtualID', f.approverUuid))
      throw invalidArgument(`can not find IAM2VirtualIDVO[uuid:${f.approverUuid}]`);
    if (!project || !membersOf(project).has(f.approverUuid)) {
      throw invalidArgument(`virtual id[uuid:${f.approverUuid}] not belong to project[uuid:${projectUuid}]`);
    }
  }
}

function buildFlows(
  ctx: ServerContext,
  collectionUuid: string,
  flows: FlowStruct[],
  now: number,
): Record<string, unknown>[] {
  let parent: string | undefined;
  return flows.map((f) => {
    const uuid = ctx.newUuid();
    const ctxText: Record<string, string> = { approverUuid: f.approverUuid };
    if (f.approverTitle !== undefined) ctxText.approverTitle = f.approverTitle;
    const flow = {
      uuid,
      name: f.name,
      description: f.description,
      parentFlowUuid: parent,
      collectionUuid,
      approverUuid: f.approverUuid,
      valid: true,
      flowContext: JSON.stringify(ctxText),
      flowContextType: 'IAM2',
      createDate: now,
      lastOpDate: now,
    };
    parent = uuid;
    return flow;
  });
}

export const flowCollections: ResourceModule = {
  resource: RESOURCE,
  messages: { CreateIAM2TickFlowCollection: { 'required.flows': NEED_FLOW, 'minItems.flows': NEED_FLOW } },

  create(ctx: ServerContext, call: ApiCall): StoredResource {
    const p = call.params;
    const flows = p.flows as FlowStruct[];
    checkApprovers(ctx, p.projectUuid as string, flows);
    const uuid = ctx.newUuid();
    const now = ctx.nowSeconds();
    const inv: Record<string, unknown> = { uuid };
    applyFields(inv, call, p, ['flows']);
    Object.assign(inv, {
      state: 'Enabled',
      status: 'Valid',
      isDefault: (p.isDefault as boolean | undefined) ?? false,
      ticketTypeUuids: (p.ticketTypeUuids as string[] | undefined) ?? [],
      flows: buildFlows(ctx, uuid, flows, now),
      createDate: now,
      lastOpDate: now,
    });
    return { resource: RESOURCE, uuid, inv, systemTags: call.systemTags, userTags: call.userTags, meta: {} };
  },

  validateUpdate(ctx: ServerContext, rec: StoredResource, call: ApiCall): void {
    const flows = call.params.flows as FlowStruct[] | undefined;
    if (flows) checkApprovers(ctx, rec.inv.projectUuid as string, flows);
  },

  update(ctx: ServerContext, rec: StoredResource, call: ApiCall, sent: Record<string, unknown>): void {
    applyFields(rec.inv, call, sent, ['flows']);
    const flows = sent.flows as FlowStruct[] | undefined;
    if (flows) rec.inv.flows = buildFlows(ctx, rec.uuid, flows, ctx.nowSeconds());
  },
};
