import { defineFault } from './types.ts';

export default defineFault({
  name: 'deleted-still-answers',
  description: 'a deleted resource still appears in queries and accepts actions',
  touches: ['request:after-delete'],
  trips: [
    { check: 'resourceGoneAfterDelete', in: { scenario: 'organization-state' } },
    { check: 'softDeletedStaysQueryable', in: { derived: 'DeleteIAM2Project', test: 'deletes' } },
    { check: 'resourceGoneAfterDelete', in: { property: 'lifecycleMatchesModel' } },
  ],
  install: (ctx) => ({
    effect: (run) => (call) => {
      const live = call.api.effect?.kind === 'delete' && ctx.store.live(call.api.resource, call.pathParams.uuid ?? '');
      return live ? undefined : run(call);
    },
  }),
});
