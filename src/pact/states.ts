// The provider states the pacts use: one sentence each, parameterised with {name} placeholders whose values
// travel as the state's params. The consumer side names them (interactions.ts); the provider side implements
// them (state-handlers.ts). Values a state returns feed fromProviderState expressions in the pact.
export const STATES = {
  /** params {state: Enabled|Disabled}; returns {uuid} */
  organizationInState: 'an organization exists in state {state}',
  /** returns {uuid}: a well-formed uuid that names no organization */
  unknownOrganization: 'no organization has the uuid {uuid}',
  /** returns {name}: a name carrying the run id, for the pact's own create; the organization made with it is deleted afterwards */
  freshOrganizationName: 'a fresh organization name of this run is reserved',
  /** returns {uuid} of a flow collection (with its project and approver) */
  flowCollection: 'a flow collection with one approved flow exists',
  /** params {stateEvent, state}; returns {jobUuid}: the job of ChangeIAM2OrganizationState on an organization in that state */
  stateEventJob: 'a finished ChangeIAM2OrganizationState job with stateEvent {stateEvent} on an organization in state {state} exists',
  /** returns {jobUuid}: ChangeIAM2OrganizationState on a uuid that names nothing */
  unknownOrganizationJob: 'a finished ChangeIAM2OrganizationState job on an unknown organization exists',
  /** params {name, isDefault}; returns {jobUuid} */
  updateFlowCollectionJob: 'a finished UpdateIAM2TicketFlowCollection job that set name {name} and isDefault {isDefault} exists',
  /** returns {jobUuid} */
  createOrganizationJob: 'a finished CreateIAM2Organization job exists',
  /** returns {jobUuid} */
  deleteOrganizationJob: 'a finished DeleteIAM2Organization job exists',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];
