import { defineFault } from './types.ts';

export default defineFault({
  name: 'authorization-checked-in-job',
  description:
    'a missing or non-OAuth Authorization passes the REST layer and fails the API with ID.1001 instead of 400',
  touches: ['request:no-authorization'],
  trips: [{ check: 'restLayerRejection', in: { scenario: 'sessions' } }],
  install: () => ({ authorizationError: () => undefined }),
});
