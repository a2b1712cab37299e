// How a change to a stored record happens: mutate, let the hooks see it, then bump lastOpDate.
import type { ServerContext } from './context.ts';
import type { ApiCall } from './api-call.ts';
import { clone, type StoredResource } from './store.ts';

/**
 * Applies `mutate` to rec.inv as one change made by `call`. lastOpDate moves only on a real change: Hibernate
 * writes no UPDATE for an unchanged entity, and MariaDB's ON UPDATE CURRENT_TIMESTAMP fires only when a
 * column value changes, so an idempotent repeat leaves lastOpDate as it was (docs/zstack-protocol.md#state-events).
 */
export function recordChange(
  ctx: ServerContext,
  rec: StoredResource,
  call: ApiCall,
  mutate: () => void,
): StoredResource {
  const before = clone(rec.inv);
  mutate();
  ctx.hooks.applied(rec, { call, before });
  if (JSON.stringify(rec.inv) === JSON.stringify(before)) return rec;
  const now = ctx.nowSeconds();
  const previous = rec.inv.lastOpDate;
  rec.inv.lastOpDate = now;
  ctx.hooks.stamped(rec, { now, previous });
  return rec;
}
