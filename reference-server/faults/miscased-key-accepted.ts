import { defineFault } from './types.ts';

export default defineFault({
  name: 'miscased-key-accepted',
  description: 'a PUT body with the action key in another case is accepted',
  touches: ['request:miscased-key'],
  trips: [
    { check: 'restLayerRejection', in: { scenario: 'flow-collection-rejections' } },
    { check: 'restLayerRejection', in: { derived: 'ChangeIAM2OrganizationState', test: 'refuses bad input' } },
    { check: 'restLayerRejection', in: { property: 'invalidInputsRejected' } },
  ],
  install: () => ({
    actionKey: (found, { body, key }) => found ?? Object.keys(body).find((k) => k.toLowerCase() === key.toLowerCase()),
  }),
});
