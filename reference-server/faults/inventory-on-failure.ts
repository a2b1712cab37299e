import { defineFault } from './types.ts';

export default defineFault({
  name: 'inventory-on-failure',
  description: 'a failed job\'s 503 body also carries an "inventory"',
  touches: ['failed-replies'],
  trips: [{ check: 'noSuccessClaimOnFailure', in: { scenario: 'organization-rejections' } }],
  install: () => ({
    reply: (r, { outcome, job }) => {
      if (!job || outcome.ok) return r;
      const inventory = outcome.inventory ?? {
        uuid: '00000000000040008000000000000000',
        name: 'fault inventory-on-failure',
      };
      return { ...r, body: { ...r.body, inventory } };
    },
  }),
});
