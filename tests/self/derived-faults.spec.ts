// The derived tests can fail: each is run against a reference-server fault mode that breaks the rule it
// derives, and must report that rule's check (the conformant server passes them all in the derived project).
import { expect, test } from '@playwright/test';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';
import type { FaultName } from '../../reference-server/faults.ts';
import { loadValidatedContracts } from '../../src/contracts/descriptors.ts';
import { derivedScenarios } from '../../src/scenarios/derived.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { runScenario } from '../../src/scenarios/run.ts';

const scenarios = derivedScenarios(loadValidatedContracts());
const PASSWORD = 'derived-faults-self-test';

const CASES: Array<{ api: string; test: string; fault: FaultName; check: string }> = [
  { api: 'ChangeIAM2OrganizationState', test: 'state event', fault: 'state-not-changed', check: 'stateEventApplied' },
  { api: 'ChangeTicketFlowCollectionState', test: 'state event', fault: 'repeat-state-flips', check: 'stateEventApplied' },
  { api: 'ChangeIAM2OrganizationState', test: 'state event', fault: 'error-on-success', check: 'nullErrorOnSuccess' },
  { api: 'ChangeIAM2OrganizationState', test: 'state event', fault: 'iso-timestamps', check: 'replyMatchesSchema' },
  { api: 'UpdateIAM2TicketFlowCollection', test: 'field it updates', fault: 'update-ignores-name', check: 'updateAppliesSentFields' },
  { api: 'UpdateIAM2TicketFlowCollection', test: 'field it updates', fault: 'update-clears-unsent', check: 'unchangedFieldsKept' },
  { api: 'DeleteIAM2Organization', test: 'deletes', fault: 'second-delete-fails', check: 'repeatedDeleteSucceeds' },
  { api: 'DeleteIAM2Project', test: 'deletes', fault: 'project-hidden-at-delete', check: 'softDeletedStaysQueryable' },
  { api: 'DeleteIAM2Project', test: 'deletes', fault: 'deleted-still-answers', check: 'softDeletedStaysQueryable' },
  { api: 'CreateIAM2Organization', test: 'creates', fault: 'create-drops-description', check: 'createAppliesSentFields' },
  { api: 'ChangeIAM2OrganizationState', test: 'refuses bad input', fault: 'bad-session-accepted', check: 'invalidSessionRejected' },
  { api: 'ChangeIAM2OrganizationState', test: 'refuses bad input', fault: 'miscased-key-accepted', check: 'restLayerRejection' },
  { api: 'UpdateIAM2TicketFlowCollection', test: 'refuses bad input', fault: 'boolean-not-verified', check: 'restLayerRejection' },
  { api: 'ChangeIAM2OrganizationState', test: 'refuses bad input', fault: 'invalid-state-event-accepted', check: 'rejectedWithErrorCode' },
  { api: 'CreateIAM2Organization', test: 'refuses bad input', fault: 'errorcode-without-code', check: 'errorCodeOnFailure' },
];

for (const c of CASES) {
  test(`the derived "${c.test}" test of ${c.api} fails on fault ${c.fault} with ${c.check}`, async () => {
    const scenario = scenarios.find((s) => s.apis[0] === c.api && s.title.includes(c.test));
    if (!scenario) throw new Error(`no derived test "${c.test}" of ${c.api}`);
    await withReferenceTarget({ password: PASSWORD, faults: [c.fault] }, { ZSTACK_PASSWORD: PASSWORD, ZSTACK_RUN_ID: 'derivedfault' }, async (suite) => {
      const outcome = await runScenario(scenario, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas);
      expect(outcome.stopped, 'the scenario ran to its end').toBeUndefined();
      expect([...new Set(outcome.failed.map((r) => r.check))]).toContain(c.check);
    });
  });
}
