// IAM2Organization: create (root/child, attributes), delete cascades to descendants.
import type { ServerContext } from '../context.ts';
import type { StoredResource } from '../store.ts';
import type { ApiCall } from '../api-call.ts';
import { applyFields, type ResourceModule } from './types.ts';

const RESOURCE = 'IAM2Organization';

export const organizations: ResourceModule = {
  resource: RESOURCE,

  create(ctx: ServerContext, call: ApiCall): StoredResource {
    const uuid = ctx.newUuid();
    const now = ctx.nowSeconds();
    const p = call.params;
    const inv: Record<string, unknown> = { uuid, state: 'Enabled' };
    applyFields(inv, call, p);
    // docs/zstack-protocol.md#inventory-fields-always-present: srcType `ZStack` for non-LDAP organizations;
    // rootOrganizationUuid = own uuid for a root, the root's uuid for a descendant (V3.5.0)
    inv.srcType = p.srcType ?? 'ZStack';
    const parentUuid = p.parentUuid as string | undefined;
    const parent = parentUuid ? ctx.store.live(RESOURCE, parentUuid) : undefined;
    inv.rootOrganizationUuid = parent ? ((parent.inv.rootOrganizationUuid as string | undefined) ?? parent.uuid) : uuid;
    const attrs = (p.attributes as Record<string, unknown>[] | undefined) ?? [];
    inv.attributes = attrs.map((a) => ({
      uuid: ctx.newUuid(),
      name: a.name,
      value: a.value,
      type: 'Customized',
      organizationUuid: uuid,
      createDate: now,
      lastOpDate: now,
    }));
    inv.createDate = now;
    inv.lastOpDate = now;
    return { resource: RESOURCE, uuid, inv, systemTags: call.systemTags, userTags: call.userTags, meta: {} };
  },

  onDelete(ctx: ServerContext, rec: StoredResource): void {
    for (const child of ctx.store.all(RESOURCE).filter((o) => o.inv.parentUuid === rec.uuid)) {
      ctx.store.remove(RESOURCE, child.uuid);
      organizations.onDelete?.(ctx, child);
    }
  },
};
