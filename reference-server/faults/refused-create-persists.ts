import { defineFault } from './types.ts';

export default defineFault({
  name: 'refused-create-persists',
  description: 'a create refused for an unknown session (ID.1001) still creates the resource',
  touches: ['request:unknown-session'],
  trips: [{ check: 'rejectedCreateLeavesNothing', in: { scenario: 'sessions' } }],
  install: () => ({
    runsDespiteRefusal: (runs, { api, error }) => runs || (api.kind === 'create' && error.code === 'ID.1001'),
  }),
});
