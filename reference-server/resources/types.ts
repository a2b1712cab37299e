// What a resource module supplies: the per-resource part of create / update / delete / expunge / membership.
import type { ApiCall } from '../api-call.ts';
import type { ServerContext } from '../context.ts';
import type { StoredResource } from '../store.ts';

export interface ResourceModule {
  resource: string;
  /** message overrides for the generic validation, per API name (see ValidationOptions.messages) */
  messages?: Record<string, Record<string, string>>;
  /** build the new record (generic validation already passed); may throw ApiError */
  create?(ctx: ServerContext, call: ApiCall): StoredResource;
  /** apply an update to rec.inv (validation passed); `sent` = the params that were sent and are to be applied */
  update?(ctx: ServerContext, rec: StoredResource, call: ApiCall, sent: Record<string, unknown>): void;
  /** checks an update needs beyond the generic ones (before anything changes) */
  validateUpdate?(ctx: ServerContext, rec: StoredResource, call: ApiCall): void;
  membership?(ctx: ServerContext, rec: StoredResource, call: ApiCall): void;
  expunge?(ctx: ServerContext, rec: StoredResource): void;
  /** cascade when a record is removed */
  onDelete?(ctx: ServerContext, rec: StoredResource): void;
}

/** Copies create/update params to inventory fields per the descriptor's effect.fields, skipping `skip`. */
export function applyFields(
  inv: Record<string, unknown>,
  call: ApiCall,
  sent: Record<string, unknown>,
  skip: string[] = [],
): void {
  for (const [param, field] of Object.entries(call.api.effect?.fields ?? {})) {
    if (skip.includes(param)) continue;
    if (sent[param] !== undefined && sent[param] !== null) inv[field] = sent[param];
  }
}
