import { invalidArgument } from '../errors.ts';
import { msgName } from '../validate.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'non-ascii-refused',
  description: 'a string parameter with a character outside ASCII is refused with SYS.1007',
  touches: ['request:non-ascii'],
  trips: [{ check: 'validInputAccepted', in: { scenario: 'organization-state' } }],
  install: () => ({
    stringParamError: (error, { api, name, value }) =>
      // eslint-disable-next-line no-control-regex
      /[^\x00-\x7f]/.test(value)
        ? invalidArgument(`field[${name}] of message[${msgName(api)}] contains an invalid character`)
        : error,
  }),
});
