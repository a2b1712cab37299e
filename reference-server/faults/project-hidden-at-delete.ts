import { defineFault } from './types.ts';

export default defineFault({
  name: 'project-hidden-at-delete',
  description: 'a project vanishes from queries at its delete instead of staying in state Deleted until it is expunged',
  touches: ['request:after-delete'],
  trips: [{ check: 'softDeletedStaysQueryable', in: { derived: 'DeleteIAM2Project', test: 'deletes' } }],
  install: () => ({
    queryShowsSoftDeleted: () => false,
  }),
});
