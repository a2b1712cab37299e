// IAM2VirtualID (flow approvers): create (password required, never stored, echoed or logged;
// optional projectUuid joins that project), delete leaves every project.
import type { ServerContext } from '../context.ts';
import type { StoredResource } from '../store.ts';
import { membersOf } from './projects.ts';
import { applyFields, type ApiCall, type ResourceModule } from './types.ts';

const RESOURCE = 'IAM2VirtualID';

export const virtualIds: ResourceModule = {
  resource: RESOURCE,

  create(ctx: ServerContext, call: ApiCall): StoredResource {
    const uuid = ctx.newUuid();
    const now = ctx.nowSeconds();
    const inv: Record<string, unknown> = { uuid };
    applyFields(inv, call, call.params, ['password']);
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
