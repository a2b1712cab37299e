import { notFoundField } from '../errors.ts';
import { isWellFormedUuid } from '../store.ts';
import { defineFault } from './types.ts';

export default defineFault({
  name: 'second-delete-fails',
  description: 'deleting a resource that no longer exists fails with SYS.1003',
  touches: ['request:repeat-delete'],
  trips: [
    { check: 'repeatedDeleteSucceeds', in: { scenario: 'organization-state' } },
    { check: 'repeatedDeleteSucceeds', in: { derived: 'DeleteIAM2Organization', test: 'deletes' } },
    { check: 'repeatedDeleteSucceeds', in: { property: 'lifecycleMatchesModel' } },
  ],
  install: (ctx) => ({
    effect: (run) => (call) => {
      const uuid = call.pathParams.uuid ?? '';
      if (call.api.effect?.kind === 'delete' && isWellFormedUuid(uuid) && !ctx.store.live(call.api.resource, uuid)) {
        throw notFoundField('uuid', uuid, call.api.resource);
      }
      return run(call);
    },
  }),
});
