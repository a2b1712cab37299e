import { maxLengthError, overLengthParams } from '../validate.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'rejected-update-applies',
  description: 'an update rejected for an over-long field (SYS.1007) still applies its other fields',
  touches: ['field:name', 'field:lastOpDate'],
  trips: [
    { check: 'unchangedFieldsKept', in: { scenario: 'flow-collection-rejections' } },
    { check: 'unchangedFieldsKept', in: { property: 'invalidInputsRejected' } },
  ],
  install: () => ({
    effect: (run) => (call) => {
      const tooLong = call.api.effect?.kind === 'update' ? overLengthParams(call.api, call.params) : [];
      if (tooLong.length === 0) return run(call);
      const params = Object.fromEntries(Object.entries(call.params).filter(([name]) => !tooLong.includes(name)));
      run({ ...call, params });
      const name = tooLong[0];
      throw maxLengthError(call.api, name, call.api.params[name].maxLength ?? 0, call.params[name] as string);
    },
  }),
});
