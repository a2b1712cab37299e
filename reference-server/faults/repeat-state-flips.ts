import { defineFault } from './types.ts';

export default defineFault({
  name: 'repeat-state-flips',
  description: 'a stateEvent that matches the current state flips it instead of being idempotent',
  touches: ['field:state', 'field:lastOpDate'],
  install: () => ({
    nextState: (next, { current, transitions }) =>
      current === next ? (Object.values(transitions).find((s) => s !== next) ?? next) : next,
  }),
});
