// What an API produced, before the reply is written (sync) or stored in its job (async).
import type { ErrorCode } from './errors.ts';
import type { Inventory } from './store.ts';

export type ApiOutcome =
  | { ok: true; api: string; inventory?: Inventory; schemaName?: string }
  | { ok: false; api: string; error: ErrorCode; inventory?: Inventory; schemaName?: string };

/** A finished API's reply as it will be written; `nullError`: send `"error": null` explicitly. */
export interface RenderedReply {
  status: number;
  body: Record<string, unknown>;
  nullError: boolean;
}
