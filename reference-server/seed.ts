// Stored organizations at start (ZSTACK_REF_ORGANIZATIONS=N, or the seedOrganizations option), so the cost of a
// query against a large table can be measured. Each one is made by the ordinary create path (validation, the
// resource module, the store), as if an administrator had created it: data, not a fault.
import type { ServerContext } from './context.ts';
import { executeApi } from './execute.ts';

export const MAX_SEED_ORGANIZATIONS = 1_000_000;

export function seedOrganizations(ctx: ServerContext, count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SEED_ORGANIZATIONS)
    throw new Error(`seedOrganizations: expected 0-${MAX_SEED_ORGANIZATIONS}, got ${count}`);
  if (count === 0) return;
  const api = [...ctx.contracts.apis.values()].find((a) => a.resource === 'IAM2Organization' && a.kind === 'create');
  if (!api) throw new Error('seedOrganizations: the contracts have no create API for IAM2Organization');
  const type = api.params['type']?.enum?.[0];
  const session = ctx.sessions.create(ctx.account.uuid);
  try {
    for (let i = 1; i <= count; i++) {
      const params: Record<string, unknown> = {
        name: `seeded-org-${i}`,
        description: 'stored at start (ZSTACK_REF_ORGANIZATIONS)',
        ...(type ? { type } : {}),
      };
      const outcome = executeApi(ctx, { api, params, pathParams: {}, systemTags: [], userTags: [] }, session.uuid);
      if (!outcome.ok)
        throw new Error(`seedOrganizations: organization ${i} was refused: ${JSON.stringify(outcome.error)}`);
    }
  } finally {
    ctx.sessions.remove(session.uuid);
  }
}
