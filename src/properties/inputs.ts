// The input properties (docs/properties.md), one case per run on a fresh resource of the run:
// - validInputsApplied: every valid input (generated from the descriptor) is accepted and its effect shows in
//   the reply and the next query, nothing else changes;
// - invalidInputsRejected: every invalid input is rejected in its class's way (REST layer: status, plain text,
//   no job; API: 503 + ErrorCode code; session: ID.1001) and changes nothing (the query after it shows the
//   resource exactly as before).
import fc from 'fast-check';
import type { Contracts } from '../../contracts/index.ts';
import type { Expectation } from '../exchange/observation.ts';
import { invalidCase, type InvalidCase } from '../generators/invalid.ts';
import { validBody, validEnum, validUserTags } from '../generators/params.ts';
import { renderValue } from '../generators/render.ts';
import { resolve } from '../generators/slots.ts';
import { observe } from '../observe/observe.ts';
import type { CallOptions } from '../client/zstack-client.ts';
import { stepName, type CaseRecord } from './core.ts';
import type { PropertySpec } from './property.ts';
import { actionApis, profileOf, resourceProfiles } from './targets.ts';

/** A compact, readable rendering of sent params for step names (long strings cut). */
export function showParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${renderValue(v)}`)
    .join(', ');
}

/** Optionally puts the fresh resource into a state first (so state events start from each state). */
async function freshTarget(rec: CaseRecord, apiName: string, initial: string | undefined): Promise<string> {
  const profiles = resourceProfiles(rec.env.contracts);
  const profile = profileOf(profiles, rec.env.api(apiName));
  const inv = await rec.fresh(profile.resource);
  const uuid = inv['uuid'] as string;
  if (initial && profile.stateEvent) {
    const param = profile.stateEvent.effect?.param ?? 'stateEvent';
    const obs = await observe(rec.zs, profile.stateEvent.name, { uuid, [param]: initial }, { uuid });
    rec.judge(stepName(profile.stateEvent.name, `${profile.short}, ${param}=${JSON.stringify(initial)} (setup)`), obs);
  }
  return uuid;
}

/** Sometimes a state event first, so a case starts from either state. */
function initialState(contracts: Contracts, apiName: string): fc.Arbitrary<string | undefined> {
  const api = contracts.apis.get(apiName);
  if (!api) throw new Error(`properties: no API ${apiName}`);
  const events = Object.keys(profileOf(resourceProfiles(contracts), api).stateEvent?.effect?.transitions ?? {});
  return events.length ? fc.option(validEnum(events), { nil: undefined, freq: 2 }) : fc.constant(undefined);
}

export interface ValidCase {
  api: string;
  initial: string | undefined;
  params: Record<string, unknown>;
  userTags: string[] | undefined;
}

export const validInputsApplied: PropertySpec<ValidCase> = {
  name: 'validInputsApplied',
  title: 'every valid input generated from the contracts is accepted and shows in the next query',
  rule: 'For every create, state event and update, any input the descriptor allows (unicode names up to their max length once Java-trimmed, booleans in any case, flow lists, user tags, padded state events) MUST succeed, and the reply and the next query MUST show exactly the fields sent (trimmed), nothing else changed, lastOpDate not earlier.',
  quickRuns: 100,
  arbitrary(env) {
    const profiles = resourceProfiles(env.contracts);
    const apis = [...profiles.map((p) => p.create), ...actionApis(profiles)];
    return fc.oneof(
      ...apis.map((a) =>
        fc.record({
          api: fc.constant(a.name),
          initial: a.kind === 'create' ? fc.constant(undefined) : initialState(env.contracts, a.name),
          params: validBody(env.contracts, a),
          userTags: a.kind === 'create' && a.tags ? validUserTags : fc.constant(undefined),
        }),
      ),
    );
  },
  async run(c, rec) {
    const api = rec.env.api(c.api);
    const zs = rec.zs;
    const params = resolve(c.params, rec.env.slotEnv(), 'valid') as Record<string, unknown>;
    const opts: CallOptions = c.userTags ? { userTags: c.userTags } : {};
    if (api.kind === 'create') {
      const obs = await observe(zs, api.name, params, opts);
      if (obs[0].exchange.final.status === 200) rec.kit.track(api.resource, api, obs[0].exchange);
      rec.judge(stepName(api.name, showParams(params)), obs);
      return;
    }
    const uuid = await freshTarget(rec, api.name, c.initial);
    const obs = await observe(zs, api.name, { uuid, ...params }, { uuid, ...opts });
    rec.judge(stepName(api.name, showParams(params)), obs);
  },
};

export interface NegativeCase {
  api: string;
  initial: string | undefined;
  bad: InvalidCase;
}

export const invalidInputsRejected: PropertySpec<NegativeCase> = {
  name: 'invalidInputsRejected',
  title: "every invalid input generated from the contracts is rejected in ZStack's way and changes nothing",
  rule: 'For every state event and update, an input ZStack refuses MUST be refused the same way: REST-layer errors (no or mis-cased action key, non-boolean Boolean: 400; wrong JSON shape or a body that is not an object: 400 or 500) at once with no job; API errors through the job as 503 + ErrorCode (value outside the allowed ones, over-long, missing: SYS.1007; unknown uuid: SYS.1003; unknown session: ID.1001); and a query afterwards MUST show the resource exactly as before.',
  quickRuns: 150,
  arbitrary(env) {
    const apis = actionApis(resourceProfiles(env.contracts));
    return fc.oneof(
      ...apis.map((a) =>
        fc.record({
          api: fc.constant(a.name),
          initial: initialState(env.contracts, a.name),
          bad: invalidCase(env.contracts, a),
        }),
      ),
    );
  },
  async run(c, rec) {
    const api = rec.env.api(c.api);
    const own = await freshTarget(rec, api.name, c.initial);
    const slots = rec.env.slotEnv();
    const params = resolve(c.bad.params, slots, 'invalid') as Record<string, unknown>;
    const opts: CallOptions & { expect: Expectation; uuid: string } = { uuid: own, expect: c.bad.expect };
    if (c.bad.bodyKeyOverride) opts.bodyKeyOverride = c.bad.bodyKeyOverride;
    if (c.bad.session) opts.session = c.bad.session;
    if (c.bad.rawText !== undefined) opts.rawBody = c.bad.rawText;
    else if (c.bad.envelope) opts.rawBody = JSON.stringify(resolve(c.bad.envelope, slots, 'invalid'));
    const target = c.bad.pathUuid ?? own;
    const obs = await observe(rec.zs, api.name, { uuid: target, ...params }, opts);
    rec.judge(stepName(api.name, `${c.bad.label} [${c.bad.klass}]`), obs);
  },
};
