import { defineFault } from './types.ts';

export default defineFault({
  name: 'logout-needs-authorization',
  description: 'LogOut demands an Authorization header (400 without one), which the official SDK does not send',
  touches: ['request:logout'],
  trips: [{ check: 'validInputAccepted', in: { scenario: 'sessions' } }],
  install: () => ({ checksAuthorization: (checks, { api }) => checks || api.kind === 'logout' }),
});
