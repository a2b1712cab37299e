import { defineFault } from './types.ts';

export default defineFault({
  name: 'project-hidden-at-delete',
  description: 'a project vanishes from queries at its delete instead of staying in state Deleted until it is expunged',
  touches: ['request:after-delete'],
  install: () => ({
    queryShowsSoftDeleted: () => false,
  }),
});
