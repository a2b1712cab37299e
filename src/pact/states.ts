// The provider states the pacts use: one sentence each, parameterised with {name} placeholders whose values
// travel as the state's params. The consumer side names them (interactions.ts); the provider side implements
// them (state-handlers.ts). Values a state returns feed fromProviderState expressions in the pact.
export const STATES = {
  /** params {state: Enabled|Disabled}; returns {uuid} */
  organizationInState: 'an organization exists in state {state}',
  /**
   * returns {name}: a name carrying the run id, for the pact's own create; the organization made with it is deleted
   * afterwards
   */
  freshOrganizationName: 'a fresh organization name of this run is reserved',
  /** returns {uuid} of a flow collection (with its project and approver) */
  flowCollection: 'a flow collection with one approved flow exists',
  /** returns {jobUuid} */
  createOrganizationJob: 'a finished CreateIAM2Organization job exists',
  /** returns {jobUuid} */
  deleteOrganizationJob: 'a finished DeleteIAM2Organization job exists',
  // generic states of the interactions derived from the descriptors (derived-interactions.ts)
  /**
   * params {resource}; returns {uuid} of a fresh resource of that kind (with what it needs, e.g. a project and
   * approver)
   */
  resourceExists: 'a {resource} exists',
  /** params {resource, state}; returns {uuid} */
  resourceInState: 'a {resource} exists in state {state}',
  /** params {resource}; returns {uuid}: a well-formed uuid that names nothing */
  unknownResource: 'no {resource} has the uuid {uuid}',
  /** params {api, resource, state, params (JSON)}; returns {jobUuid} of that API run on a resource in that state */
  actionJobInState: 'a finished {api} job with {params} on a {resource} in state {state} exists',
  /** params {api, resource, params (JSON)}; returns {jobUuid} */
  actionJob: 'a finished {api} job with {params} on a {resource} exists',
  /** params {api, resource, params (JSON)}; returns {jobUuid} of that API run on a uuid that names nothing */
  unknownResourceJob: 'a finished {api} job with {params} on an unknown {resource} exists',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];
