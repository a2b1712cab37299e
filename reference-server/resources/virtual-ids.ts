// IAM2VirtualID (flow approvers, the official SDK's ticket chain): create (password required, never stored,
// echoed or logged; optional projectUuid joins that project; type and attributes kept), delete leaves every project.
import type { ServerContext } from '../context.ts';
import type { StoredResource } from '../store.ts';
import { membersOf } from './projects.ts';
import type { ApiCall } from '../api-call.ts';
import { applyFields, type ResourceModule } from './types.ts';

const RESOURCE = 'IAM2VirtualID';

export const virtualIds: ResourceModule = {
  resource: RESOURCE,

  create(ctx: ServerContext, call: ApiCall): StoredResource {
    const uuid = ctx.newUuid();
    const now = ctx.nowSeconds();
    const inv: Record<string, unknown> = { uuid };
    applyFields(inv, call, call.params, ['password']);
    // the official SDK's IAM2VirtualIDInventory carries type and attributes; a virtual ID made without a type is a
    // ZStack one
    inv.type ??= 'ZStack';
    const attrs = (call.params.attributes as Record<string, unknown>[] | undefined) ?? [];
    inv.attributes = attrs.map((a) => ({
      uuid: ctx.newUuid(),
      name: a.name,
      value: a.value,
      type: 'Customized',
      virtualIDUuid: uuid,
      createDate: now,
      lastOpDate: now,
    }));
    Object.assign(inv, { state: 'Enabled', createDate: now, lastOpDate: now });
    const projectUuid = call.params.projectUuid as string | undefined;
    const project = projectUuid ? ctx.store.live('IAM2Project', projectUuid) : undefined;
    if (project) membersOf(project).add(uuid);
    return { resource: RESOURCE, uuid, inv, systemTags: call.systemTags, userTags: call.userTags, meta: {} };
  },

  onDelete(ctx: ServerContext, rec: StoredResource): void {
    for (const p of ctx.store.all('IAM2Project')) membersOf(p).delete(rec.uuid);
  },
};
