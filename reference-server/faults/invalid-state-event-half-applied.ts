import { recordChange } from '../changes.ts';
import { isInvalidStateEvent } from './state-events.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'invalid-state-event-half-applied',
  description: 'a stateEvent outside the allowed values fails with SYS.1007 but disables the resource',
  touches: ['field:state', 'field:lastOpDate'],
  trips: [
    { check: 'unchangedFieldsKept', in: { scenario: 'organization-rejections' } },
    { check: 'unchangedFieldsKept', in: { property: 'invalidInputsRejected' } },
  ],
  install: (ctx) => ({
    effect: (run) => (call) => {
      const rec = isInvalidStateEvent(call) ? ctx.store.live(call.api.resource, call.pathParams.uuid ?? '') : undefined;
      if (rec) {
        const transitions = call.api.effect?.transitions ?? {};
        recordChange(ctx, rec, call, () => {
          rec.inv[call.api.effect?.field ?? 'state'] = transitions.disable ?? 'Disabled';
        });
      }
      return run(call); // the honest effect rejects the event
    },
  }),
});
