import { requireTarget } from '../execute.ts';
import { validateParams } from '../validate.ts';
import { isInvalidStateEvent } from './state-events.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'invalid-state-event-accepted',
  description: 'a stateEvent outside the allowed values succeeds (state unchanged)',
  touches: ['request:invalid-state-event'],
  trips: [
    { check: 'rejectedWithErrorCode', in: { scenario: 'organization-rejections' } },
    { check: 'rejectedWithErrorCode', in: { derived: 'ChangeIAM2OrganizationState', test: 'refuses bad input' } },
    { check: 'rejectedWithErrorCode', in: { property: 'invalidInputsRejected' } },
  ],
  install: (ctx) => ({
    effect: (run) => (call) => {
      if (!isInvalidStateEvent(call)) return run(call);
      const param = call.api.effect?.param ?? 'stateEvent';
      validateParams(ctx, call.api, call.params, call.pathParams, { skipEnum: new Set([param]) });
      return requireTarget(ctx, call);
    },
  }),
});
