import { observeInto, observeQuery } from '../observe/observe.ts';
import { finalInventory } from '../exchange/exchange.ts';
import { createObserved, nextSecond, type Scenario } from './scenario.ts';

/*
  Since: 2.4.0
  Testname: IAM2 organization, disable and enable
*/
export const organizationStateScenario: Scenario = {
  id: 'organization-state',
  title: 'ChangeIAM2OrganizationState moves an organization between Enabled and Disabled and changes nothing else',
  apis: ['ChangeIAM2OrganizationState', 'CreateIAM2Organization', 'QueryIAM2Organization', 'DeleteIAM2Organization'],
  since: '2.4.0',
  description:
    'stateEvent=disable MUST leave the organization Disabled and enable MUST leave it Enabled, repeats idempotent; uuid, name, type, createDate and every other field MUST stay, lastOpDate MUST NOT go back; a query MUST show the reply; delete MUST remove it and a second delete MUST succeed.',
  async run(ctx) {
    const { kit } = ctx;
    const created = await createObserved(ctx, 'IAM2Organization', {
      // a BMP name beyond ASCII: MariaDB utf8 (3-byte) stores it on a real server
      name: `${kit.name('org')}-组织-ü`,
      type: ctx.zs.api('CreateIAM2Organization').params['type']?.enum?.[0],
      description: 'created by zstack-conformance',
      attributes: [{ name: 'conformance', value: 'yes' }],
    });
    const uuid = created['uuid'] as string;
    await nextSecond(); // so a rewritten createDate or a lastOpDate going back is visible
    let last;
    for (const stateEvent of ['disable', 'disable', 'enable', 'enable', 'disable']) {
      const changed = await observeInto(ctx, 'ChangeIAM2OrganizationState', { uuid, stateEvent }, { uuid });
      last = finalInventory(changed.exchange);
    }
    await observeQuery(ctx, 'IAM2Organization', uuid, last);
    await observeInto(ctx, 'DeleteIAM2Organization', { uuid }, { uuid });
    kit.forget(uuid);
    await observeInto(ctx, 'DeleteIAM2Organization', { uuid }, { expect: { kind: 'repeat-delete' } });
  },
};
