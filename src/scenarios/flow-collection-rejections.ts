import { observeInto, type ObserveOptions } from '../observe/observe.ts';
import type { Scenario } from './scenario.ts';

/*
  Since: 3.0.0
  Testname: IAM2 ticket flow collection, refused updates
*/
export const flowCollectionRejectionsScenario: Scenario = {
  id: 'flow-collection-rejections',
  title: "UpdateIAM2TicketFlowCollection refuses bad input in ZStack's way and changes nothing",
  apis: ['UpdateIAM2TicketFlowCollection', 'QueryTicketFlowCollection'],
  since: '3.0.0',
  description:
    "an over-long name MUST fail with SYS.1007 and apply none of the fields sent with it; the doc page's lower-case body key, a non-boolean isDefault and an object for name MUST be refused by the REST layer (400, or 500 for the wrong shape as ZStack does); none of them may change the collection.",
  async run(ctx) {
    const { zs, kit } = ctx;
    const { collection } = await kit.flowCollection();
    const uuid = collection['uuid'] as string;
    const call = async (params: Record<string, unknown>, o: ObserveOptions) =>
      await observeInto(ctx, 'UpdateIAM2TicketFlowCollection', { uuid, ...params }, { uuid, ...o });
    const maxName = zs.api('UpdateIAM2TicketFlowCollection').params['name']?.maxLength ?? 255;
    await call(
      { name: 'n'.repeat(maxName + 1), description: 'must not be applied' },
      { expect: { kind: 'api-rejection', code: 'SYS.1007', why: `a ${maxName + 1}-character name` } },
    );
    // The doc page's key (doc defect lower-case-body-key, docs/zstack-protocol.md#doc-defects): the server matches the
    // key case-sensitively.
    await call(
      { name: kit.name('lower') },
      {
        bodyKeyOverride: 'updateiam2ticketflowcollection',
        expect: { kind: 'rest-rejection', statuses: [400], why: "the doc page's lower-case body key" },
      },
    );
    await call(
      { isDefault: 'maybe' },
      { expect: { kind: 'rest-rejection', statuses: [400], why: 'isDefault "maybe"' } },
    );
    // Gson fails to build the message: real ZStack answers 500 (docs/zstack-protocol.md#wrong-json-types).
    await call(
      { name: { text: 'x' } },
      { expect: { kind: 'rest-rejection', statuses: [400, 500], why: 'an object for name' } },
    );
  },
};
