import { observeInto } from '../observe/observe.ts';
import { nextSecond, type Scenario } from './scenario.ts';

/*
  Since: 3.0.0
  Testname: IAM2 ticket flow collection, update
*/
export const flowCollectionUpdateScenario: Scenario = {
  id: 'flow-collection-update',
  title: 'UpdateIAM2TicketFlowCollection changes exactly the fields it is sent',
  apis: [
    'UpdateIAM2TicketFlowCollection',
    'CreateIAM2TickFlowCollection',
    'QueryTicketFlowCollection',
    'ChangeTicketFlowCollectionState',
    'DeleteTicketFlowCollection',
  ],
  since: '3.0.0',
  description:
    "each field sent (name, description, isDefault, flows) MUST show its new value, Java-trimmed, in the reply and the next query; every field not sent MUST stay; lastOpDate MUST NOT go back; the collection's state events behave like the organization's; delete MUST remove it and a second delete MUST succeed.",
  async run(ctx) {
    const { kit } = ctx;
    const { collection, approverUuid } = await kit.flowCollection({ description: 'created by zstack-conformance' });
    const uuid = collection['uuid'] as string;
    const update = async (params: Record<string, unknown>) =>
      await observeInto(ctx, 'UpdateIAM2TicketFlowCollection', { uuid, ...params }, { uuid });
    await nextSecond();
    await update({ name: `  ${kit.name('renamed')}  ` });
    await update({ description: 'updated by zstack-conformance', isDefault: false });
    await update({
      flows: [
        { name: kit.name('first'), approverUuid },
        { name: kit.name('second'), description: 'second step', approverUuid },
      ],
    });
    await update({});
    for (const stateEvent of ['disable', 'enable'])
      await observeInto(ctx, 'ChangeTicketFlowCollectionState', { uuid, stateEvent }, { uuid });
    await observeInto(ctx, 'DeleteTicketFlowCollection', { uuid }, { uuid });
    kit.forget(uuid);
    await observeInto(ctx, 'DeleteTicketFlowCollection', { uuid }, { expect: { kind: 'repeat-delete' } });
  },
};
