import { defineFault } from './types.ts';

export default defineFault({
  name: 'state-not-changed',
  description: 'a stateEvent is acknowledged but the state stays as it was',
  touches: ['field:state', 'field:lastOpDate'],
  install: () => ({ nextState: (next, { current }) => (typeof current === 'string' ? current : next) }),
});
