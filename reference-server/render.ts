// Turning stored inventories and API outcomes into reply bodies, applying the variant and the
// reply-shape faults. Null members are dropped later, when the JSON is written.
import type { ServerContext } from './context.ts';
import type { ApiOutcome } from './outcome.ts';
import { schemaEntries } from './schema-map.ts';
import { clone, type Inventory } from './store.ts';
import { formatTimestamp, TIMESTAMP_FIELDS, type TimestampStyle } from './timestamps.ts';

const EXTRA_INVENTORY_FIELD = 'extraInfo';
const EXTRA_TOP_LEVEL_FIELD = 'serverInfo';

function timestampStyle(ctx: ServerContext): TimestampStyle {
  if (ctx.fault('iso-timestamps')) return 'iso';
  if (ctx.fault('java20-timestamps')) return 'java20';
  return ctx.variant.dateFormat;
}

function renderValue(v: unknown, style: TimestampStyle, extras: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => renderValue(x, style, extras));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = TIMESTAMP_FIELDS.has(k) && typeof x === 'number' ? formatTimestamp(x, style) : renderValue(x, style, extras);
    }
    if (extras) out[EXTRA_INVENTORY_FIELD] = 'reference-server';
    return out;
  }
  return v;
}

/** Fields the notes only infer to be always present (reference-server's own list, not read from the checks). */
const INFERRED_FIELDS = ['attributes', 'srcType', 'isDefault', 'flows', 'ticketTypeUuids', 'linkedAccountUuid'];

/**
 * An inventory as sent: timestamps formatted, faults missing-uuid / wrong-field-type, variant extraFields.
 * `keepUuid`: the login's SessionInventory keeps its uuid under missing-uuid, so that the fault breaks
 * resource inventories rather than every call after the login.
 */
export function renderInventory(ctx: ServerContext, inv: Inventory, schemaName: string | undefined, opts: { extras?: boolean; keepUuid?: boolean } = {}): Inventory {
  const extras = opts.extras ?? ctx.variant.extraFields;
  const out = renderValue(clone(inv), timestampStyle(ctx), extras) as Inventory;
  if (ctx.fault('missing-uuid') && !opts.keepUuid) delete out.uuid;
  if (ctx.fault('no-inferred-fields')) for (const f of INFERRED_FIELDS) delete out[f];
  if (ctx.fault('wrong-field-type') && schemaName === 'TicketFlowCollectionInventory' && typeof out.isDefault === 'boolean') {
    out.isDefault = String(out.isDefault);
  }
  return out;
}

/** Schema map entries, parents first (or children first under the fault schema-map-child-first). */
export function schemaMap(ctx: ServerContext, schemaName: string, items: { path: string; value: unknown }[]): Record<string, string> {
  const entries = items.flatMap((it) => schemaEntries(ctx.contracts, schemaName, it.value, it.path));
  if (ctx.fault('schema-map-child-first')) entries.reverse();
  return Object.fromEntries(entries);
}

export function addTopLevelExtras(ctx: ServerContext, body: Record<string, unknown>): Record<string, unknown> {
  if (ctx.variant.extraFields) body[EXTRA_TOP_LEVEL_FIELD] = { implementation: 'zstack-conformance reference server' };
  return body;
}

export interface RenderedReply {
  status: number;
  body: Record<string, unknown>;
  nullError: boolean;
}

/**
 * The reply of a finished API. `job`: the result of an async job (job-only faults apply);
 * `withSchema`: X-JSON-Schema was sent on the call or the poll.
 */
export function renderOutcome(ctx: ServerContext, outcome: ApiOutcome, opts: { job: boolean; withSchema: boolean }): RenderedReply {
  if (outcome.ok) {
    const body: Record<string, unknown> = {};
    if (outcome.inventory) {
      body.inventory = outcome.inventory;
      if (opts.withSchema && outcome.schemaName) body.schema = schemaMap(ctx, outcome.schemaName, [{ path: 'inventory', value: outcome.inventory }]);
    }
    if (opts.job && ctx.fault('error-on-success')) {
      body.error = { code: 'SYS.1000', description: 'An internal error happened in system', details: 'fault error-on-success' };
    }
    return { status: 200, body: addTopLevelExtras(ctx, body), nullError: ctx.variant.explicitNullError };
  }
  const error = { ...outcome.error };
  const body: Record<string, unknown> = { error };
  let status = 503;
  if (opts.job) {
    if (ctx.fault('errorcode-without-code')) delete error.code;
    if (ctx.fault('inventory-on-failure')) body.inventory = outcome.inventory ?? { uuid: '00000000000040008000000000000000', name: 'fault inventory-on-failure' };
    if (ctx.fault('failure-as-200')) status = 200;
  }
  return { status, body: addTopLevelExtras(ctx, body), nullError: false };
}
