import { observeInto, type ObserveOptions } from '../observe/observe.ts';
import type { Scenario } from './scenario.ts';
import { newUuid } from '../client/zstack-client.ts';

/*
  Since: 2.4.0
  Testname: IAM2 organization, refused state events
*/
export const organizationRejectionsScenario: Scenario = {
  id: 'organization-rejections',
  title: "ChangeIAM2OrganizationState refuses bad input in ZStack's way and changes nothing",
  apis: ['ChangeIAM2OrganizationState', 'CreateIAM2Organization', 'QueryIAM2Organization'],
  since: '2.4.0',
  description:
    'a stateEvent outside enable/disable or missing MUST fail with SYS.1007, an unknown uuid with SYS.1003, an unknown session with ID.1001 (HTTP 503 ErrorCode); a mis-cased action key or no Authorization MUST get 400 at once; none of them may change the organization.',
  async run(ctx) {
    const { kit } = ctx;
    const org = await kit.organization();
    const uuid = org['uuid'] as string;
    const unknownUuid = newUuid();
    const call = async (params: Record<string, unknown>, o: ObserveOptions) =>
      await observeInto(ctx, 'ChangeIAM2OrganizationState', params, { uuid, ...o });
    await call(
      { uuid, stateEvent: 'pause' },
      { expect: { kind: 'api-rejection', code: 'SYS.1007', why: 'stateEvent "pause"' } },
    );
    await call({ uuid }, { expect: { kind: 'api-rejection', code: 'SYS.1007', why: 'missing stateEvent' } });
    await observeInto(
      ctx,
      'ChangeIAM2OrganizationState',
      { uuid: unknownUuid, stateEvent: 'disable' },
      { expect: { kind: 'api-rejection', code: 'SYS.1003', why: 'unknown uuid' } },
    );
    await call({ uuid, stateEvent: 'disable' }, { session: newUuid(), expect: { kind: 'invalid-session' } });
    await call(
      { uuid, stateEvent: 'disable' },
      {
        bodyKeyOverride: 'changeiam2organizationstate',
        expect: { kind: 'rest-rejection', statuses: [400], why: 'lower-case action key' },
      },
    );
    await call(
      { uuid, stateEvent: 'disable' },
      { session: null, expect: { kind: 'rest-rejection', statuses: [400], why: 'no Authorization header' } },
    );
  },
};
