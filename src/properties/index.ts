// Every property of the suite. Each names the fault modes of the reference server it must catch
// (tests/self/properties-model.spec.ts and tests/self/properties-inputs.spec.ts assert that it does).
import { invalidInputsRejected, validInputsApplied } from './inputs.ts';
import { lifecycleMatchesModel } from './model/lifecycle.ts';
import type { PropertySpec } from './property.ts';

export { checkProperty } from './runner.ts';
export type { PropertyOutcome, PropertySpec, RunOptions } from './property.ts';

export const PROPERTIES: ReadonlyArray<PropertySpec<never>> = [
  lifecycleMatchesModel,
  validInputsApplied,
  invalidInputsRejected,
] as unknown as ReadonlyArray<PropertySpec<never>>;

/**
 * Fault modes of reference-server/faults.ts each property is built to catch, with the check that catches it
 * (by name, so src/ does not import the server). tests/self/properties-*.spec.ts assert every pair.
 */
export const TARGETED_FAULTS: Record<string, Record<string, string>> = {
  lifecycleMatchesModel: {
    'repeat-state-flips': 'stateEventApplied',
    'update-clears-unsent': 'unchangedFieldsKept',
    'deleted-still-answers': 'resourceGoneAfterDelete',
    'second-delete-fails': 'repeatedDeleteSucceeds',
    'state-not-changed': 'stateEventApplied',
    'query-stale': 'queryAgreesWithReply',
    'update-ignores-name': 'updateAppliesSentFields',
  },
  validInputsApplied: {
    'update-ignores-name': 'updateAppliesSentFields',
    'state-not-changed': 'stateEventApplied',
    'state-event-renames': 'unchangedFieldsKept',
    'lastopdate-goes-back': 'lastOpDateNotEarlier',
    'wrong-field-type': 'replyMatchesSchema',
  },
  invalidInputsRejected: {
    'invalid-state-event-accepted': 'rejectedWithErrorCode',
    'invalid-state-event-half-applied': 'unchangedFieldsKept',
    'rejected-update-applies': 'unchangedFieldsKept',
    'miscased-key-accepted': 'restLayerRejection',
    'boolean-not-verified': 'restLayerRejection',
    'wrong-type-applied': 'restLayerRejection',
    'bad-session-accepted': 'invalidSessionRejected',
  },
};
