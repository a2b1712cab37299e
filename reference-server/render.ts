// Turning stored inventories and API outcomes into reply bodies, applying the variant. Null members are
// dropped later, when the JSON is written.
import type { ServerContext } from './context.ts';
import type { ApiOutcome, RenderedReply } from './outcome.ts';
import { schemaEntries, timestampNames } from './schema-map.ts';
import { clone, type Inventory } from './store.ts';
import { formatTimestamp, TIMESTAMP_FIELDS, type TimestampStyle } from './timestamps.ts';

const EXTRA_INVENTORY_FIELD = 'extraInfo';
const EXTRA_TOP_LEVEL_FIELD = 'serverInfo';

function timestampStyle(ctx: ServerContext): TimestampStyle {
  return ctx.hooks.timestampStyle(ctx.variant.dateFormat, {});
}

const NO_NAMES: ReadonlySet<string> = new Set();

function renderValue(v: unknown, style: TimestampStyle, extras: boolean, timestamps: ReadonlySet<string>): unknown {
  if (Array.isArray(v)) return v.map((x) => renderValue(x, style, extras, timestamps));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] =
        (TIMESTAMP_FIELDS.has(k) || timestamps.has(k)) && typeof x === 'number'
          ? formatTimestamp(x, style)
          : renderValue(x, style, extras, timestamps);
    }
    if (extras) out[EXTRA_INVENTORY_FIELD] = 'reference-server';
    return out;
  }
  return v;
}

/**
 * An inventory as sent: timestamps (the usual names, and any member its schema types as one) formatted
 * (docs/zstack-protocol.md#timestamps), variant extraFields.
 */
export function renderInventory(
  ctx: ServerContext,
  inv: Inventory,
  schemaName: string | undefined,
  opts: { extras?: boolean } = {},
): Inventory {
  const extras = opts.extras ?? ctx.variant.extraFields;
  const timestamps = schemaName === undefined ? NO_NAMES : timestampNames(ctx.contracts, schemaName);
  const out = renderValue(clone(inv), timestampStyle(ctx), extras, timestamps) as Inventory;
  return ctx.hooks.inventory(out, { schemaName });
}

/** Schema map entries, parents first (docs/zstack-protocol.md#the-schema-map). */
export function schemaMap(
  ctx: ServerContext,
  api: string,
  schemaName: string | undefined,
  items: { path: string; value: unknown }[],
): Record<string, string> {
  const entries =
    schemaName === undefined ? [] : items.flatMap((it) => schemaEntries(ctx.contracts, schemaName, it.value, it.path));
  return Object.fromEntries(ctx.hooks.schemaMapEntries(entries, { api }));
}

export function addTopLevelExtras(ctx: ServerContext, body: Record<string, unknown>): Record<string, unknown> {
  if (ctx.variant.extraFields) body[EXTRA_TOP_LEVEL_FIELD] = { implementation: 'zstack-conformance reference server' };
  return body;
}

/**
 * The reply of a finished API: success 200 with no error (docs/zstack-protocol.md#results-and-errorcode),
 * failure 503 with the ErrorCode (docs/zstack-protocol.md#http-status-codes). `job`: the result of an async
 * job; `withSchema`: X-JSON-Schema was sent on the call or the poll.
 */
export function renderOutcome(
  ctx: ServerContext,
  outcome: ApiOutcome,
  opts: { job: boolean; withSchema: boolean },
): RenderedReply {
  return ctx.hooks.reply(honestReply(ctx, outcome, opts.withSchema), { outcome, job: opts.job });
}

function honestReply(ctx: ServerContext, outcome: ApiOutcome, withSchema: boolean): RenderedReply {
  if (outcome.ok) {
    const body: Record<string, unknown> = {};
    if (outcome.inventory) {
      body.inventory = outcome.inventory;
      if (withSchema && outcome.schemaName)
        body.schema = schemaMap(ctx, outcome.api, outcome.schemaName, [
          { path: 'inventory', value: outcome.inventory },
        ]);
    }
    return { status: 200, body: addTopLevelExtras(ctx, body), nullError: ctx.variant.explicitNullError };
  }
  return { status: 503, body: addTopLevelExtras(ctx, { error: { ...outcome.error } }), nullError: false };
}
