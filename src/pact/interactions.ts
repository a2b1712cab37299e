// The consumer side of the contract, as data: one entry per documented request/response, each with the
// provider states it needs, the request and the response as Pact matchers (derived from the schemas), and
// how the real client (ZStackClient over its bounded HTTP transport) makes that request.
// An async API is two HTTP interactions: the call (202 + location) and the poll of a job that a provider
// state has already run (200 result or 503 ErrorCode). Nothing here is a session, a password or a value
// copied from one run.
import { MatchersV3 } from '@pact-foundation/pact';
import type { ApiDescriptor, Contracts } from '../../contracts/index.ts';
import type { WireResponse } from '../exchange/exchange.ts';
import { pollJob } from '../client/jobs.ts';
import type { Transport } from '../client/transport.ts';
import type { ZStackClient } from '../client/zstack-client.ts';
import { EXAMPLE_UUID, SchemaMatchers, UUID_PATTERN } from './matchers.ts';
import { derivedInteractions } from './derived-interactions.ts';
import { STATES, type StateName } from './states.ts';
import { versionAtLeast } from '../contracts/schemas.ts';

const { regex, like, fromProviderState } = MatchersV3;

export type Path = string | ReturnType<typeof fromProviderState<string>>;
export type StateParams = Record<string, string | boolean>;

/** The session the consumer side sends; the verifier's request filter swaps it for a real one. */
export const PLACEHOLDER_SESSION = '0'.repeat(32);
/** A session no server issued: the documented ID.1001 case. Never swapped. */
export const UNKNOWN_SESSION = 'f'.repeat(32);
export const PLACEHOLDER_PASSWORD_HASH = '0'.repeat(128);
export const EXAMPLE_JOB_UUID = '3f6e1c0a9b8d4e2fa1c7d5b4e3f2a190';
/**
 * The location's host is the server's own idea of its name (docs/zstack-protocol.md#sync-and-async-jobs): only the path
 * is asserted.
 */
export const JOB_LOCATION_PATTERN = '^(https?://[^/\\s]+)?\\S*/zstack/v1/api-jobs/[0-9a-f]{32}$';
/** Example names of the pact's own create and update (the create's real name comes from its provider state). */
export const PACT_ORGANIZATION_NAME = 'zc-pact-organization';
export const PACT_RENAMED_COLLECTION = 'zc-pact-renamed-collection';

export interface ExerciseContext {
  /** a client on the mock server; its session is the placeholder */
  zs: ZStackClient;
  transport: Transport;
  mockUrl: string;
}

export interface InteractionSpec {
  api: string;
  /** call: the first answer of an async API; job: the poll of its finished job; sync: a sync API */
  kind: 'call' | 'job' | 'sync';
  description: string;
  states: Array<{ name: StateName; params?: StateParams }>;
  request: { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; path: Path; headers?: Record<string, unknown>; body?: unknown };
  response: { status: number; body?: unknown };
  /** makes the request with the real client against the mock and returns the final answer */
  exercise(ctx: ExerciseContext): Promise<WireResponse>;
}

export const authorization = (example = PLACEHOLDER_SESSION): Record<string, unknown> => ({
  Authorization: regex('^OAuth [0-9a-f]{32}$', `OAuth ${example}`),
});

/** A path whose {uuid} comes from the provider state (fromProviderState), with an example for the mock. */
export function statePath(api: ApiDescriptor, example = EXAMPLE_UUID, withUuid = false): Path {
  const template = '/zstack' + (withUuid && api.pathWithUuid ? api.pathWithUuid : api.path);
  return fromProviderState(
    template.replace(/\{(\w+)\}/g, (_, n: string) => '${' + n + '}'),
    template.replace(/\{(\w+)\}/g, example),
  );
}

export const jobPath = (): Path =>
  fromProviderState('/zstack/v1/api-jobs/${jobUuid}', `/zstack/v1/api-jobs/${EXAMPLE_JOB_UUID}`);

export const accepted = {
  status: 202,
  body: {
    location: regex(JOB_LOCATION_PATTERN, `http://zstack-mn.internal:8080/zstack/v1/api-jobs/${EXAMPLE_JOB_UUID}`),
  },
};

/** Polls the example job through the client's own polling code, as after a 202 whose location names another host. */
export async function pollExampleJob({ transport, mockUrl }: ExerciseContext): Promise<WireResponse> {
  const location = `http://zstack-mn.internal:8080/zstack/v1/api-jobs/${EXAMPLE_JOB_UUID}`;
  const hop = {
    request: { method: 'PUT', url: `${mockUrl}/zstack/v1/x`, headers: {} },
    response: { status: 202, headers: {}, text: JSON.stringify({ location }), json: { location }, durationMs: 0 },
  };
  const hops = await pollJob(transport, hop, {
    baseUrl: mockUrl,
    headers: { Authorization: `OAuth ${PLACEHOLDER_SESSION}` },
    timeoutMs: 5_000,
    intervalMs: 100,
  });
  return hops[hops.length - 1].response;
}

/** What the interactions are written with: descriptors by name, and matchers for inventories and errors. */
interface Writing {
  api(name: string): ApiDescriptor;
  m: SchemaMatchers;
  inventory(schema: string, fixed?: Record<string, unknown>): unknown;
  error(code: string): unknown;
}

export function buildInteractions(contracts: Contracts, targetVersion: string): InteractionSpec[] {
  const m = new SchemaMatchers(contracts);
  const w: Writing = {
    api(name) {
      const a = contracts.apis.get(name);
      if (!a) throw new Error(`pact: no descriptor ${name}`);
      return a;
    },
    m,
    inventory: (schema, fixed) => m.forSchema(schema, { version: targetVersion, ...(fixed ? { fixed } : {}) }),
    error: (code) => ({ error: m.forSchema('ErrorCode', { fixed: { code } }) }),
  };
  const specs: InteractionSpec[] = [
    loginInteraction(w),
    // per API, from the descriptors: state events, updates, queries by uuid
    ...derivedInteractions(contracts, targetVersion),
    lowerCaseActionKeyInteraction(w),
    ...sessionErrorInteractions(w),
    ...organizationLifecycleInteractions(w),
  ];
  // the uuid pattern is the one the schemas use; keep them in step
  if (!new RegExp(UUID_PATTERN).test(EXAMPLE_JOB_UUID)) throw new Error('pact: EXAMPLE_JOB_UUID is not a uuid');
  // a target of an older declared version is not held to interactions of APIs it does not have yet
  return specs.filter((spec) => versionAtLeast(targetVersion, w.api(spec.api).since));
}

function loginInteraction({ api, inventory }: Writing): InteractionSpec {
  const login = api('LogInByAccount');
  return {
    api: login.name,
    kind: 'sync',
    states: [],
    description: 'LogInByAccount with an account name and a SHA-512 hex digest',
    request: {
      method: login.method,
      path: `/zstack${login.path}`,
      body: {
        [login.bodyKey as string]: {
          accountName: like('admin'),
          password: regex('^[0-9a-fA-F]{128}$', PLACEHOLDER_PASSWORD_HASH),
        },
      },
    },
    response: { status: 200, body: { inventory: inventory(login.reply.schema as string) } },
    async exercise({ zs }) {
      const x = await zs.call(
        login.name,
        { accountName: zs.config.accountName, password: zs.passwordHash() },
        { session: null },
      );
      return x.final;
    },
  };
}

/** UpdateIAM2TicketFlowCollection with the doc page's lower-case action key (a doc defect). */
function lowerCaseActionKeyInteraction({ api }: Writing): InteractionSpec {
  const updateFlows = api('UpdateIAM2TicketFlowCollection');
  const updateKey = updateFlows.bodyKey as string;
  return {
    api: updateFlows.name,
    kind: 'call',
    description:
      "UpdateIAM2TicketFlowCollection with the doc page's lower-case action key (REST layer: 400, plain text)",
    states: [{ name: STATES.flowCollection }],
    request: {
      method: updateFlows.method,
      path: statePath(updateFlows),
      headers: authorization(),
      body: { [updateKey.toLowerCase()]: { name: like(PACT_RENAMED_COLLECTION) } },
    },
    response: { status: 400 },
    async exercise({ zs }) {
      return (
        await zs.call(
          updateFlows.name,
          { uuid: EXAMPLE_UUID, name: PACT_RENAMED_COLLECTION },
          { followJob: false, bodyKeyOverride: updateKey.toLowerCase() },
        )
      ).final;
    },
  };
}

/** A query with a session no server issued, and one without an Authorization header. */
function sessionErrorInteractions({ api, error }: Writing): InteractionSpec[] {
  const queryOrgs = api('QueryIAM2Organization');
  return [
    {
      api: queryOrgs.name,
      kind: 'sync',
      description:
        'QueryIAM2Organization with a session no server issued (ID.1001 invalid session, at once for a query)',
      states: [],
      request: { method: 'GET', path: `/zstack${queryOrgs.path}`, headers: authorization(UNKNOWN_SESSION) },
      response: { status: 503, body: error('ID.1001') },
      async exercise({ zs }) {
        return (await zs.query(queryOrgs.name, { session: UNKNOWN_SESSION })).final;
      },
    },
    {
      api: queryOrgs.name,
      kind: 'sync',
      description: 'QueryIAM2Organization without an Authorization header (REST layer: 400, plain text)',
      states: [],
      request: { method: 'GET', path: `/zstack${queryOrgs.path}` },
      response: { status: 400 },
      async exercise({ zs }) {
        return (await zs.query(queryOrgs.name, { session: null })).final;
      },
    },
  ];
}

/** Create and delete of an organization (cheap on any target), each call and its finished job. */
function organizationLifecycleInteractions({ api, m, inventory }: Writing): InteractionSpec[] {
  const createOrg = api('CreateIAM2Organization');
  const deleteOrg = api('DeleteIAM2Organization');
  return [
    {
      api: createOrg.name,
      kind: 'call',
      description: 'CreateIAM2Organization with a name and a type',
      // The name comes from the provider state, so it carries the verifying run's id and the run deletes only
      // the organization it made (never one that merely has the example's name).
      states: [{ name: STATES.freshOrganizationName }],
      request: {
        method: createOrg.method,
        path: `/zstack${createOrg.path}`,
        headers: authorization(),
        body: {
          [createOrg.bodyKey as string]: {
            name: fromProviderState('${name}', PACT_ORGANIZATION_NAME),
            type: m.of({ enum: createOrg.params['type']?.enum ?? [] }),
          },
        },
      },
      response: accepted,
      async exercise({ zs }) {
        return (
          await zs.call(
            createOrg.name,
            { name: PACT_ORGANIZATION_NAME, type: createOrg.params['type']?.enum?.[0] },
            { followJob: false },
          )
        ).final;
      },
    },
    {
      api: createOrg.name,
      kind: 'job',
      description: 'the finished job of CreateIAM2Organization',
      states: [{ name: STATES.createOrganizationJob }],
      request: { method: 'GET', path: jobPath() },
      response: { status: 200, body: { inventory: inventory(createOrg.reply.schema as string) } },
      exercise: pollExampleJob,
    },
    {
      api: deleteOrg.name,
      kind: 'call',
      description: 'DeleteIAM2Organization of an existing organization',
      states: [{ name: STATES.organizationInState, params: { state: 'Enabled' } }],
      request: { method: deleteOrg.method, path: statePath(deleteOrg), headers: authorization() },
      response: accepted,
      async exercise({ zs }) {
        return (await zs.call(deleteOrg.name, { uuid: EXAMPLE_UUID }, { followJob: false })).final;
      },
    },
    {
      api: deleteOrg.name,
      kind: 'job',
      description: 'the finished job of DeleteIAM2Organization (an empty result)',
      states: [{ name: STATES.deleteOrganizationJob }],
      request: { method: 'GET', path: jobPath() },
      response: { status: 200, body: {} },
      exercise: pollExampleJob,
    },
  ];
}
