// The API itself, behind the REST layer: session check (ID.1001), validation (SYS.1007 / SYS.1003), then
// the descriptor's effect, with the per-resource part in resources/*. Produces an ApiOutcome.
import { createHash } from 'node:crypto';
import type { ApiDescriptor } from '../contracts/index.ts';
import type { ServerContext } from './context.ts';
import { ApiError, authenticationError, internalError, invalidSession, notFoundField } from './errors.ts';
import type { ApiOutcome } from './outcome.ts';
import { recordChange } from './changes.ts';
import { renderInventory } from './render.ts';
import { RESOURCE_MODULES } from './resources/index.ts';
import type { ApiCall } from './api-call.ts';
import { applyFields, type ResourceModule } from './resources/types.ts';
import { isWellFormedUuid, type StoredResource } from './store.ts';
import { enumError, validateParams } from './validate.ts';

/** Checks the session of an API call (docs/zstack-protocol.md#sessions). */
export function checkSession(ctx: ServerContext, session: string | undefined): void {
  if (!ctx.hooks.sessionValid(ctx.sessions.isValid(session), { session }))
    throw invalidSession(`Session expired or does not exist`);
}

function moduleOf(api: ApiDescriptor): ResourceModule {
  const m = RESOURCE_MODULES.get(api.resource);
  if (!m) throw internalError(`no implementation for resource ${api.resource}`);
  return m;
}

/** Runs one API call to its outcome; never throws for API errors (they become failed outcomes). */
export function executeApi(ctx: ServerContext, call: ApiCall, session: string | undefined): ApiOutcome {
  return ctx.hooks.outcome(outcomeOf(ctx, call, session), { call });
}

function outcomeOf(ctx: ServerContext, call: ApiCall, session: string | undefined): ApiOutcome {
  const { api } = call;
  let target: StoredResource | undefined;
  try {
    if (api.kind === 'login') return login(ctx, call);
    if (api.kind !== 'logout') {
      checkSession(ctx, session);
      ctx.stats.writes++;
    }
    const targetUuid = call.pathParams.uuid ?? call.pathParams.projectUuid;
    if (targetUuid) target = ctx.store.get(api.resource, targetUuid);
    const inv = ctx.hooks.effect((c) => runEffect(ctx, c), { api })(call);
    const schemaName = api.reply.schema;
    if (api.reply.body !== 'inventory' || !inv) return { ok: true, api: api.name };
    return { ok: true, api: api.name, inventory: renderInventory(ctx, inv.inv, schemaName), schemaName };
  } catch (e) {
    const error = e instanceof ApiError ? e.error : internalError(e instanceof Error ? e.message : String(e)).error;
    if (ctx.hooks.runsDespiteRefusal(false, { api, error })) {
      try {
        runEffect(ctx, call);
      } catch {
        // the refusal stands whatever the effect did
      }
    }
    const current = target && ctx.store.get(api.resource, target.uuid);
    return {
      ok: false,
      api: api.name,
      error,
      inventory: current ? renderInventory(ctx, current.inv, api.reply.schema) : undefined,
    };
  }
}

function login(ctx: ServerContext, call: ApiCall): ApiOutcome {
  validateParams(ctx, call.api, call.params, call.pathParams);
  const name = call.params.accountName as string;
  const password = String(call.params.password).toLowerCase();
  const expected = ctx.account.passwordSha512;
  // compare digests of both so the comparison time does not depend on the secret
  const same =
    createHash('sha256').update(password).digest('hex') === createHash('sha256').update(expected).digest('hex');
  if (name !== ctx.account.name || !same) throw authenticationError('wrong account name or password');
  const s = ctx.sessions.create(ctx.account.uuid);
  const inv = {
    uuid: s.uuid,
    accountUuid: s.accountUuid,
    userUuid: s.accountUuid,
    expiredDate: s.expiredDate,
    createDate: s.createDate,
  };
  return {
    ok: true,
    api: call.api.name,
    inventory: renderInventory(ctx, inv, call.api.reply.schema),
    schemaName: call.api.reply.schema,
  };
}

/** The record an action works on: the path uuid must name a live resource (SYS.1003). */
export function requireTarget(ctx: ServerContext, call: ApiCall, allowSoftDeleted = false): StoredResource {
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
      const rec = ctx.hooks.applied(mod.create(ctx, call), { call });
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
  if (target === undefined) throw enumError(api, param, api.params[param]?.enum ?? Object.keys(transitions), event);
  // a repeat is idempotent (docs/zstack-protocol.md#state-events)
  return recordChange(ctx, rec, call, () => {
    rec.inv[field] = ctx.hooks.nextState(target, { current: rec.inv[field], transitions });
  });
}

function update(ctx: ServerContext, call: ApiCall, mod: ResourceModule): StoredResource {
  const { api } = call;
  const effect = api.effect!;
  validateParams(ctx, api, call.params, call.pathParams, { messages: mod.messages?.[api.name] });
  const rec = requireTarget(ctx, call);
  mod.validateUpdate?.(ctx, rec, call);
  // only the fields sent change (docs/zstack-protocol.md#updates)
  const sent: Record<string, unknown> = {};
  for (const p of Object.keys(effect.fields ?? {})) {
    if (call.params[p] !== undefined && call.params[p] !== null) sent[p] = call.params[p];
  }
  // a resource without its own update logic takes the sent fields as they are (any imported update API)
  return recordChange(ctx, rec, call, () =>
    mod.update ? mod.update(ctx, rec, call, sent) : applyFields(rec.inv, call, sent),
  );
}

function remove(ctx: ServerContext, call: ApiCall, mod: ResourceModule): void {
  const { api } = call;
  validateParams(ctx, api, call.params, call.pathParams);
  const uuid = call.pathParams.uuid ?? '';
  // successIfResourceNotExisting: a well-formed uuid naming nothing succeeds, a malformed one is SYS.1003
  // (docs/zstack-protocol.md#unknown-resources-and-repeated-deletes)
  if (!isWellFormedUuid(uuid)) throw notFoundField('uuid', uuid, api.resource);
  const rec = ctx.store.live(api.resource, uuid);
  if (!rec) return;
  if (api.effect?.softDelete) {
    const deletedState = api.effect.deletedState ?? 'Deleted';
    recordChange(ctx, rec, call, () => {
      rec.softDeleted = true;
      rec.inv.state = deletedState;
    });
    return;
  }
  ctx.store.remove(api.resource, uuid);
  mod.onDelete?.(ctx, rec);
}
