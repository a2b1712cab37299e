import { defineFault } from './types.ts';

export default defineFault({
  name: 'miscased-key-accepted',
  description: 'a PUT body with the action key in another case is accepted',
  touches: ['request:miscased-key'],
  install: () => ({
    actionKey: (found, { body, key }) => found ?? Object.keys(body).find((k) => k.toLowerCase() === key.toLowerCase()),
  }),
});
