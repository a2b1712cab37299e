import { defineFault } from './types.ts';

export default defineFault({
  name: 'expunge-keeps-project',
  description: 'ExpungeIAM2Project succeeds but the project stays, still found by a query in state Deleted',
  touches: ['request:after-delete'],
  trips: [{ check: 'expungedResourceGone', in: { derived: 'DeleteIAM2Project', test: 'deletes' } }],
  install: () => ({
    effect: (run) => (call) => (call.api.effect?.kind === 'expunge' ? undefined : run(call)),
  }),
});
