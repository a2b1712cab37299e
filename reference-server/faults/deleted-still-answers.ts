import { defineFault } from './types.ts';

export default defineFault({
  name: 'deleted-still-answers',
  description: 'a deleted resource still appears in queries and accepts actions',
  touches: ['request:after-delete'],
  install: (ctx) => ({
    effect: (run) => (call) => {
      const live = call.api.effect?.kind === 'delete' && ctx.store.live(call.api.resource, call.pathParams.uuid ?? '');
      return live ? undefined : run(call);
    },
  }),
});
