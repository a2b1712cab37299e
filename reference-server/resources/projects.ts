// IAM2Project: unique name (case-insensitive) until expunged, soft delete (state Deleted), expunge
// cascades to its flow collections, AddIAM2VirtualIDsToProject membership.
import type { ServerContext } from '../context.ts';
import { invalidArgument, notFoundField } from '../errors.ts';
import { collationKey } from '../query.ts';
import type { StoredResource } from '../store.ts';
import type { ApiCall } from '../api-call.ts';
import { applyFields, type ResourceModule } from './types.ts';

const RESOURCE = 'IAM2Project';

export function membersOf(rec: StoredResource): Set<string> {
  let m = rec.meta.members as Set<string> | undefined;
  if (!m) rec.meta.members = m = new Set<string>();
  return m;
}

export const projects: ResourceModule = {
  resource: RESOURCE,

  create(ctx: ServerContext, call: ApiCall): StoredResource {
    const name = call.params.name as string;
    // docs/zstack-protocol.md#projects: the name stays taken (utf8_general_ci) until expunged
    const key = collationKey(name, true);
    if (ctx.store.all(RESOURCE).some((r) => collationKey(String(r.inv.name), true) === key)) {
      throw invalidArgument(`duplicate project name[${name}]`);
    }
    const uuid = ctx.newUuid();
    const now = ctx.nowSeconds();
    const inv: Record<string, unknown> = { uuid };
    applyFields(inv, call, call.params);
    Object.assign(inv, {
      state: 'Enabled',
      linkedAccountUuid: ctx.newUuid(),
      attributes: [],
      createDate: now,
      lastOpDate: now,
    });
    return {
      resource: RESOURCE,
      uuid,
      inv,
      systemTags: call.systemTags,
      userTags: call.userTags,
      meta: { members: new Set<string>() },
    };
  },

  membership(ctx: ServerContext, rec: StoredResource, call: ApiCall): void {
    const ids = (call.params.virtualIDUuids as string[] | undefined) ?? [];
    for (const id of ids)
      if (!ctx.store.live('IAM2VirtualID', id)) throw notFoundField('virtualIDUuids', id, 'IAM2VirtualID');
    const members = membersOf(rec);
    for (const id of ids) members.add(id);
  },

  expunge(ctx: ServerContext, rec: StoredResource): void {
    for (const c of ctx.store.all('TicketFlowCollection').filter((c) => c.inv.projectUuid === rec.uuid)) {
      ctx.store.remove('TicketFlowCollection', c.uuid); // IAM2TicketFlowCollectionVO: ON DELETE CASCADE
    }
    ctx.store.remove(RESOURCE, rec.uuid);
  },
};
