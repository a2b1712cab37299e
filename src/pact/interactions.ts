// The consumer side of the contract, as data: one entry per documented request/response, each with the
// provider states it needs, the request and the response as Pact matchers (derived from the schemas), and
// how the real client (ZStackClient over its bounded HTTP transport) makes that request.
// An async API is two HTTP interactions: the call (202 + location) and the poll of a job that a provider
// state has already run (200 result or 503 ErrorCode). Nothing here is a session, a password or a value
// copied from one run.
import { MatchersV3 } from '@pact-foundation/pact';
import { sinceOf, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';
import { EXAMPLE_UUID, SchemaMatchers, UUID_PATTERN } from './matchers.ts';
import { derivedInteractions } from './derived-interactions.ts';
import {
  accepted,
  authorization,
  EXAMPLE_JOB_UUID,
  jobPath,
  PLACEHOLDER_PASSWORD_HASH,
  pollExampleJob,
  statePath,
  UNKNOWN_SESSION,
  type InteractionSpec,
} from './interaction-spec.ts';
import { STATES } from './states.ts';
import { versionAtLeast } from '../contract-model/schemas.ts';

const { regex, like, fromProviderState } = MatchersV3;

/** Example names of the pact's own create and update (the create's real name comes from its provider state). */
export const PACT_ORGANIZATION_NAME = 'zc-pact-organization';
export const PACT_RENAMED_COLLECTION = 'zc-pact-renamed-collection';

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
  return specs.filter((spec) => versionAtLeast(targetVersion, sinceOf(w.api(spec.api))));
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
