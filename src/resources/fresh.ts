// Valid inputs for the derived tests, from the descriptor alone: every required parameter (and the optional
// ones a test asks for) gets a value a real ZStack accepts. Resources a parameter references are made first;
// a create that needs a project gets a project with an approver in it
// (docs/zstack-protocol.md#flow-collections-and-their-approvers).
import { randomBytes } from 'node:crypto';
import { findApi, type ApiDescriptor, type JsonSchema, type ParamSpec } from '../../contracts/index.ts';
import type { JsonObject } from '../exchange/json.ts';
import { dereference } from '../contract-model/schemas.ts';
import type { ZStackClient } from '../client/zstack-client.ts';
import { registerSecret } from '../reporting/redact.ts';

/**
 * What making resources needs of the resource kit (ResourceKit, which itself makes its approver with validParams):
 * run-id names, creates it deletes again, a project with an approver in it.
 */
export interface ResourceMaker {
  name(label: string): string;
  create(resource: string, params: Record<string, unknown>): Promise<JsonObject>;
  approvedProject(): Promise<{ project: JsonObject; approverUuid: string }>;
}

/** What making resources needs: the client and the kit that deletes them again. */
export interface FreshContext {
  zs: ZStackClient;
  kit: ResourceMaker;
}

/** uuids a test's resources need, by referenced resource (IAM2Project) or by member name (approverUuid). */
export type Refs = Map<string, string>;

const TEXT = 'zstack-conformance derived test';

/** A fresh value for a secret parameter (a password), kept out of every report. */
function secretValue(): string {
  const value = randomBytes(12).toString('hex');
  registerSecret(value);
  return value;
}

/** A value of one list item from its JSON Schema: required members only, uuids from refs. */
function itemValue(ctx: FreshContext, schema: JsonSchema, refs: Refs): unknown {
  const s = dereference(ctx.zs.contracts, schema);
  if (s['type'] !== 'object') return ctx.kit.name('item');
  const out: JsonObject = {};
  const props = (s['properties'] ?? {}) as Record<string, JsonSchema>;
  for (const member of (s['required'] as string[] | undefined) ?? []) {
    const p = dereference(ctx.zs.contracts, props[member] ?? {});
    if (typeof p['pattern'] === 'string' && (p['pattern'] as string).includes('[0-9a-f]{32}')) {
      const uuid = refs.get(member);
      if (!uuid) throw new Error(`derived: no fixture for ${member}`);
      out[member] = uuid;
    } else out[member] = p['type'] === 'boolean' ? true : ctx.kit.name(member);
  }
  return out;
}

/** A valid value for one parameter. */
export async function validValue(ctx: FreshContext, name: string, p: ParamSpec, refs: Refs): Promise<unknown> {
  switch (p.type) {
    case 'uuid': {
      if (!p.references) throw new Error(`derived: ${name} names no resource to reference`);
      let uuid = refs.get(p.references);
      if (!uuid) {
        uuid = (await freshResource(ctx, p.references, refs))['uuid'] as string;
        refs.set(p.references, uuid);
      }
      return uuid;
    }
    case 'boolean':
      return true;
    case 'integer':
      return 1;
    case 'map':
      return {};
    case 'list': {
      const n = p.minItems ?? 0;
      return Array.from({ length: n }, () => itemValue(ctx, p.items ?? { type: 'string' }, refs));
    }
    case 'string':
      if (p.enum) return p.enum[0];
      if (p.secret) return secretValue();
      if (name === 'name') return ctx.kit.name('derived');
      return TEXT.slice(0, p.maxLength ?? TEXT.length);
  }
}

/** Every required body/query parameter (and `also`), valid; path parameters are the caller's. */
export async function validParams(
  ctx: FreshContext,
  api: ApiDescriptor,
  refs: Refs,
  also: string[] = [],
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [n, p] of Object.entries(api.params)) {
    if (p.in === 'path' || (!p.required && !also.includes(n))) continue;
    out[n] = await validValue(ctx, n, p, refs);
  }
  return out;
}

/**
 * A project with an approver in it, for an API that needs a project (a flow collection's flows need an approver of it).
 */
export async function prepareRefs(ctx: FreshContext, api: ApiDescriptor, refs: Refs): Promise<void> {
  if (!Object.values(api.params).some((p) => p.required && p.references === 'IAM2Project') || refs.has('IAM2Project'))
    return;
  const { project, approverUuid } = await ctx.kit.approvedProject();
  refs.set('IAM2Project', project['uuid'] as string);
  refs.set('approverUuid', approverUuid);
}

/** Creates a resource of the kind through its create API (cleaned up by the kit), with what it references. */
export async function freshResource(ctx: FreshContext, resource: string, refs: Refs = new Map()): Promise<JsonObject> {
  const create = findApi(ctx.zs.contracts, resource, 'create');
  await prepareRefs(ctx, create, refs);
  const also = Object.keys(create.params).filter((n) => n === 'name' || n === 'description');
  return ctx.kit.create(resource, await validParams(ctx, create, refs, also));
}

/** The path parameters of an API aimed at `uuid` (its {uuid}, or the one path parameter it has). */
export function pathAt(api: ApiDescriptor, uuid: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(api.params)
      .filter(([, p]) => p.in === 'path')
      .map(([n]) => [n, uuid]),
  );
}
