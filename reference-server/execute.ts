// The API itself, behind the REST layer: session check (ID.1001), validation (SYS.1007 / SYS.1003), then
// the descriptor's effect, with the per-resource part in resources/*. Produces an ApiOutcome.
import { createHash } from 'node:crypto';
import type { ApiDescriptor } from '../contracts/index.ts';
import type { ServerContext } from './context.ts';
import { ApiError, authenticationError, internalError, invalidSession, notFoundField } from './errors.ts';
import type { ApiOutcome } from './outcome.ts';
import { renderInventory } from './render.ts';
import { RESOURCE_MODULES } from './resources/index.ts';
import type { ApiCall, ResourceModule } from './resources/types.ts';
import { isWellFormedUuid, type StoredResource } from './store.ts';
import { nowSeconds } from './timestamps.ts';
import { enumError, maxLengthError, overLengthParams, validateParams } from './validate.ts';

export type { ApiCall } from './resources/types.ts';

/** Checks the session of an API call; the fault bad-session-accepted lets any id through. */
export function checkSession(ctx: ServerContext, session: string | undefined): void {
  if (ctx.fault('bad-session-accepted')) return;
  if (!ctx.sessions.isValid(session)) throw invalidSession(`Session expired or does not exist`);
}

function moduleOf(api: ApiDescriptor): ResourceModule {
  const m = RESOURCE_MODULES.get(api.resource);
  if (!m) throw internalError(`no implementation for resource ${api.resource}`);
  return m;
}

/** Runs one API call to its outcome; never throws for API errors (they become failed outcomes). */
export function executeApi(ctx: ServerContext, call: ApiCall, session: string | undefined): ApiOutcome {
  const { api } = call;
  let target: StoredResource | undefined;
  try {
    if (api.kind === 'login') return login(ctx, call);
    if (api.kind !== 'logout') checkSession(ctx, session);
    const targetUuid = call.pathParams.uuid ?? call.pathParams.projectUuid;
    if (targetUuid) target = ctx.store.get(api.resource, targetUuid);
    const inv = runEffect(ctx, call);
    const schemaName = api.reply.schema;
    if (api.reply.body !== 'inventory' || !inv) return { ok: true, api: api.name };
    if (ctx.fault('no-inventory-on-success')) return { ok: true, api: api.name };
    return { ok: true, api: api.name, inventory: renderInventory(ctx, inv.inv, schemaName), schemaName };
  } catch (e) {
    const error = e instanceof ApiError ? e.error : internalError(e instanceof Error ? e.message : String(e)).error;
    const current = target && ctx.store.get(api.resource, target.uuid);
    return { ok: false, api: api.name, error, inventory: current ? renderInventory(ctx, current.inv, api.reply.schema) : undefined };
  }
}

function login(ctx: ServerContext, call: ApiCall): ApiOutcome {
  validateParams(ctx, call.api, call.params, call.pathParams);
  const name = call.params.accountName as string;
  const password = String(call.params.password).toLowerCase();
  const expected = ctx.account.passwordSha512;
  // compare digests of both so the comparison time does not depend on the secret
  const same = createHash('sha256').update(password).digest('hex') === createHash('sha256').update(expected).digest('hex');
  if (name !== ctx.account.name || !same) throw authenticationError('wrong account name or password');
  const s = ctx.sessions.create(ctx.account.uuid);
  const inv = { uuid: s.uuid, accountUuid: s.accountUuid, userUuid: s.accountUuid, expiredDate: s.expiredDate, createDate: s.createDate };
  return { ok: true, api: call.api.name, inventory: renderInventory(ctx, inv, call.api.reply.schema, { keepUuid: true }), schemaName: call.api.reply.schema };
}

/**
 * A change bumps lastOpDate (faults: lastopdate-goes-back, createdate-rewritten). Only a real change: Hibernate
 * writes no UPDATE for an unchanged entity, and MariaDB's ON UPDATE CURRENT_TIMESTAMP fires only when a column
 * value changes, so an idempotent repeat leaves lastOpDate as it was.
 */
function touch(ctx: ServerContext, rec: StoredResource, before: string): void {
  if (JSON.stringify(rec.inv) === before) return;
  const now = nowSeconds();
  const last = typeof rec.inv.lastOpDate === 'number' ? rec.inv.lastOpDate : now;
  rec.inv.lastOpDate = ctx.fault('lastopdate-goes-back') ? last - 3600_000 : now;
  if (ctx.fault('createdate-rewritten')) rec.inv.createDate = now;
}

/** The record an action works on: the path uuid must name a live resource (SYS.1003). */
function requireTarget(ctx: ServerContext, call: ApiCall, allowSoftDeleted = false): StoredResource {
  const field = call.pathParams.uuid !== undefined ? 'uuid' : 'projectUuid';
  const uuid = call.pathParams[field] ?? '';
  const rec = allowSoftDeleted ? ctx.store.get(call.api.resource, uuid) : ctx.store.live(call.api.resource, uuid);
  if (!rec) throw notFoundField(field, uuid, call.api.resource);
  return rec;
}

function runEffect(ctx: ServerContext, call: ApiCall): StoredResource | undefined {
  const { api } = call;
  if (api.kind === 'logout') {
    ctx.sessions.remove(call.pathParams.sessionUuid ?? '');
    return undefined;
  }
  const effect = api.effect;
  if (!effect) throw internalError(`API ${api.name} has no effect`);
  const mod = moduleOf(api);
  const messages = mod.messages?.[api.name];
  switch (effect.kind) {
    case 'create': {
      validateParams(ctx, api, call.params, call.pathParams, { messages });
      if (!mod.create) throw internalError(`${api.resource} cannot be created`);
      const rec = mod.create(ctx, call);
      if (ctx.fault('create-drops-description')) delete rec.inv.description;
      ctx.store.put(rec);
      return rec;
    }
    case 'stateEvent':
      return stateEvent(ctx, call);
    case 'update':
      return update(ctx, call, mod);
    case 'delete':
      remove(ctx, call, mod);
      return undefined;
    case 'expunge': {
      validateParams(ctx, api, call.params, call.pathParams, { messages });
      const rec = requireTarget(ctx, call, true);
      if (!mod.expunge) throw internalError(`${api.resource} cannot be expunged`);
      mod.expunge(ctx, rec);
      return undefined;
    }
    case 'membership': {
      validateParams(ctx, api, call.params, call.pathParams, { messages });
      const rec = requireTarget(ctx, call);
      if (!mod.membership) throw internalError(`${api.resource} has no members`);
      mod.membership(ctx, rec, call);
      return rec;
    }
  }
}

function stateEvent(ctx: ServerContext, call: ApiCall): StoredResource {
  const { api } = call;
  const effect = api.effect!;
  const param = effect.param ?? 'stateEvent';
  const field = effect.field ?? 'state';
  const transitions = effect.transitions ?? {};
  validateParams(ctx, api, call.params, call.pathParams, { skipEnum: new Set([param]) });
  const rec = requireTarget(ctx, call);
  const event = call.params[param] as string;
  const target = Object.hasOwn(transitions, event) ? transitions[event] : undefined;
  if (target === undefined) {
    if (ctx.fault('invalid-state-event-accepted')) return rec;
    const allowed = api.params[param]?.enum ?? Object.keys(transitions);
    if (ctx.fault('invalid-state-event-half-applied')) {
      ctx.store.snapshot(rec);
      const before = JSON.stringify(rec.inv);
      rec.inv[field] = transitions.disable ?? 'Disabled';
      touch(ctx, rec, before);
    }
    throw enumError(api, param, allowed, event);
  }
  ctx.store.snapshot(rec);
  const before = JSON.stringify(rec.inv);
  if (!ctx.fault('state-not-changed')) {
    let next = target;
    if (ctx.fault('repeat-state-flips') && rec.inv[field] === target) {
      next = Object.values(transitions).find((s) => s !== target) ?? target;
    }
    rec.inv[field] = next; // repeats are idempotent (notes, "What is not public": state machines)
  }
  if (ctx.fault('state-event-renames')) rec.inv.name = `${String(rec.inv.name)} (renamed)`;
  touch(ctx, rec, before);
  return rec;
}

function update(ctx: ServerContext, call: ApiCall, mod: ResourceModule): StoredResource {
  const { api } = call;
  const effect = api.effect!;
  const messages = mod.messages?.[api.name];
  const tooLong = overLengthParams(api, call.params);
  const partial = ctx.fault('rejected-update-applies') && tooLong.length > 0;
  validateParams(ctx, api, call.params, call.pathParams, { messages, skipMaxLength: partial ? new Set(tooLong) : undefined });
  const rec = requireTarget(ctx, call);
  mod.validateUpdate?.(ctx, rec, call);
  // only the fields sent change (notes, "an update changes only the fields it is sent")
  const sent: Record<string, unknown> = {};
  for (const p of Object.keys(effect.fields ?? {})) {
    if (call.params[p] !== undefined && call.params[p] !== null && !tooLong.includes(p)) sent[p] = call.params[p];
  }
  if (ctx.fault('update-ignores-name')) delete sent.name;
  ctx.store.snapshot(rec);
  const before = JSON.stringify(rec.inv);
  mod.update?.(ctx, rec, call, sent);
  if (ctx.fault('update-clears-unsent') && call.params.description === undefined) delete rec.inv.description;
  touch(ctx, rec, before);
  if (partial) {
    const name = tooLong[0];
    throw maxLengthError(api, name, api.params[name].maxLength ?? 0, call.params[name] as string);
  }
  return rec;
}

function remove(ctx: ServerContext, call: ApiCall, mod: ResourceModule): void {
  const { api } = call;
  validateParams(ctx, api, call.params, call.pathParams);
  const uuid = call.pathParams.uuid ?? '';
  // successIfResourceNotExisting: a well-formed uuid naming nothing succeeds; a malformed one is SYS.1003
  if (!isWellFormedUuid(uuid)) throw notFoundField('uuid', uuid, api.resource);
  const rec = ctx.store.live(api.resource, uuid);
  if (!rec) {
    if (ctx.fault('second-delete-fails')) throw notFoundField('uuid', uuid, api.resource);
    return;
  }
  if (ctx.fault('deleted-still-answers')) return;
  if (api.effect?.softDelete) {
    ctx.store.snapshot(rec);
    const before = JSON.stringify(rec.inv);
    rec.softDeleted = true;
    rec.inv.state = 'Deleted';
    touch(ctx, rec, before);
    return;
  }
  ctx.store.remove(api.resource, uuid);
  mod.onDelete?.(ctx, rec);
}
