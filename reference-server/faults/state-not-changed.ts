import { defineFault } from './types.ts';

export default defineFault({
  name: 'state-not-changed',
  description: 'a stateEvent is acknowledged but the state stays as it was',
  touches: ['field:state', 'field:lastOpDate'],
  trips: [
    { check: 'stateEventApplied', in: { scenario: 'organization-state' } },
    { check: 'stateEventApplied', in: { derived: 'ChangeIAM2OrganizationState', test: 'state event' } },
    { check: 'stateEventApplied', in: { property: 'lifecycleMatchesModel' } },
    { check: 'stateEventApplied', in: { property: 'validInputsApplied' } },
  ],
  install: () => ({ nextState: (next, { current }) => (typeof current === 'string' ? current : next) }),
});
