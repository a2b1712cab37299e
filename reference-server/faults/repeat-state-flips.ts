import { defineFault } from './types.ts';

export default defineFault({
  name: 'repeat-state-flips',
  description: 'a stateEvent that matches the current state flips it instead of being idempotent',
  touches: ['field:state', 'field:lastOpDate'],
  trips: [
    { check: 'stateEventApplied', in: { scenario: 'organization-state' } },
    { check: 'stateEventApplied', in: { derived: 'ChangeTicketFlowCollectionState', test: 'state event' } },
    { check: 'stateEventApplied', in: { property: 'lifecycleMatchesModel' } },
  ],
  install: () => ({
    nextState: (next, { current, transitions }) =>
      current === next ? (Object.values(transitions).find((s) => s !== next) ?? next) : next,
  }),
});
