import { defineFault } from './types.ts';

export default defineFault({
  name: 'bad-session-refused-at-once',
  description: 'an async API with an unknown session answers 503 ID.1001 directly instead of through its job',
  touches: ['request:unknown-session'],
  trips: [{ check: 'invalidSessionThroughJob', in: { scenario: 'sessions' } }],
  install: (ctx) => ({ answersAsync: (async, { session }) => async && ctx.sessions.isValid(session) }),
});
