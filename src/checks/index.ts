// The registry of checks: every check by name, selectable, and run over observations.
import type { Check, CheckContext, Violation } from './types.ts';
import type { Observation } from '../exchange/observation.ts';
import { asyncAcceptedWithLocation } from './asyncAcceptedWithLocation.ts';
import { asyncAnsweredAsJob } from './asyncAnsweredAsJob.ts';
import { createAppliesSentFields } from './createAppliesSentFields.ts';
import { errorCodeOnFailure } from './errorCodeOnFailure.ts';
import { inferredFieldsPresent } from './inferredFieldsPresent.ts';
import { invalidSessionRejected } from './invalidSessionRejected.ts';
import { inventoryOnSuccess } from './inventoryOnSuccess.ts';
import { jobSettles } from './jobSettles.ts';
import { lastOpDateNotEarlier } from './lastOpDateNotEarlier.ts';
import { noSuccessClaimOnFailure } from './noSuccessClaimOnFailure.ts';
import { nullErrorOnSuccess } from './nullErrorOnSuccess.ts';
import { queryAgreesWithReply } from './queryAgreesWithReply.ts';
import { queryShowsLastInventory } from './queryShowsLastInventory.ts';
import { querySchemaMapForSdk } from './querySchemaMapForSdk.ts';
import { rejectedWithErrorCode } from './rejectedWithErrorCode.ts';
import { repeatedDeleteSucceeds } from './repeatedDeleteSucceeds.ts';
import { replyMatchesSchema } from './replyMatchesSchema.ts';
import { resourceGoneAfterDelete } from './resourceGoneAfterDelete.ts';
import { softDeletedStaysQueryable } from './softDeletedStaysQueryable.ts';
import { expungedResourceGone } from './expungedResourceGone.ts';
import { restLayerRejection } from './restLayerRejection.ts';
import { stateEventApplied } from './stateEventApplied.ts';
import { timestampsParseableBySdk } from './timestampsParseableBySdk.ts';
import { unchangedFieldsKept } from './unchangedFieldsKept.ts';
import { updateAppliesSentFields } from './updateAppliesSentFields.ts';
import { validInputAccepted } from './validInputAccepted.ts';
import { wrongShapeRefusedWith400 } from './wrongShapeRefusedWith400.ts';
import { jobUuidHonoured } from './jobUuidHonoured.ts';
import { badJobUuidRefused } from './badJobUuidRefused.ts';
import { unknownJobIs404 } from './unknownJobIs404.ts';
import { jobAddressGetOnly } from './jobAddressGetOnly.ts';
import { pendingPollBody } from './pendingPollBody.ts';
import { unknownPathIs404 } from './unknownPathIs404.ts';
import { wrongMethodRefused } from './wrongMethodRefused.ts';
import { invalidSessionThroughJob } from './invalidSessionThroughJob.ts';
import { rejectedCreateLeavesNothing } from './rejectedCreateLeavesNothing.ts';
import { webHookDelivered } from './webHookDelivered.ts';
import { queryReturnsMatchingRows } from './queryReturnsMatchingRows.ts';
import { querySortedAsAsked } from './querySortedAsAsked.ts';
import { queryCountsTotal } from './queryCountsTotal.ts';
import { queryFieldsSelected } from './queryFieldsSelected.ts';
import { queryByUuidAgrees } from './queryByUuidAgrees.ts';

export * from './types.ts';

export const ALL_CHECKS: readonly Check[] = [
  asyncAcceptedWithLocation,
  asyncAnsweredAsJob,
  jobSettles,
  nullErrorOnSuccess,
  inventoryOnSuccess,
  replyMatchesSchema,
  errorCodeOnFailure,
  noSuccessClaimOnFailure,
  validInputAccepted,
  createAppliesSentFields,
  stateEventApplied,
  unchangedFieldsKept,
  lastOpDateNotEarlier,
  updateAppliesSentFields,
  queryAgreesWithReply,
  queryShowsLastInventory,
  querySchemaMapForSdk,
  invalidSessionRejected,
  rejectedWithErrorCode,
  restLayerRejection,
  repeatedDeleteSucceeds,
  resourceGoneAfterDelete,
  softDeletedStaysQueryable,
  expungedResourceGone,
  timestampsParseableBySdk,
  inferredFieldsPresent,
  wrongShapeRefusedWith400,
  // protocol: jobs, status codes, sessions, web hooks, the query language
  jobUuidHonoured,
  badJobUuidRefused,
  unknownJobIs404,
  jobAddressGetOnly,
  pendingPollBody,
  unknownPathIs404,
  wrongMethodRefused,
  invalidSessionThroughJob,
  rejectedCreateLeavesNothing,
  webHookDelivered,
  queryReturnsMatchingRows,
  querySortedAsAsked,
  queryCountsTotal,
  queryFieldsSelected,
  queryByUuidAgrees,
];

const byName = new Map<string, Check>();
for (const c of ALL_CHECKS) {
  if (byName.has(c.name)) throw new Error(`two checks are named ${c.name}`);
  byName.set(c.name, c);
}

export function checkNamed(name: string): Check {
  const c = byName.get(name);
  if (!c) throw new Error(`no check named ${name}; known: ${[...byName.keys()].join(', ')}`);
  return c;
}

export interface CheckResult {
  check: string;
  severity: Check['severity'];
  api: string;
  observation: number;
  status: 'pass' | 'fail' | 'not-applicable';
  violations: Violation[];
}

export function runChecks(
  observations: readonly Observation[],
  ctx: CheckContext,
  checks: readonly Check[] = ALL_CHECKS,
): CheckResult[] {
  const results: CheckResult[] = [];
  for (const [observation, o] of observations.entries()) {
    for (const c of checks) {
      const outcome = c.run(o, ctx);
      const base = { check: c.name, severity: c.severity, api: o.api.name, observation };
      if (outcome === 'not-applicable') results.push({ ...base, status: 'not-applicable', violations: [] });
      else {
        // a check may downgrade its findings on one observation (e.g. a schema only guessed): the result follows
        const severity =
          outcome.length > 0 && outcome.every((v) => v.severity === 'advisory') ? 'advisory' : c.severity;
        results.push({ ...base, severity, status: outcome.length ? 'fail' : 'pass', violations: outcome });
      }
    }
  }
  return results;
}

/** The results that fail a test (required violations) and those that only annotate it (advisory ones). */
export function failuresOf(results: readonly CheckResult[]): { failed: CheckResult[]; advisories: CheckResult[] } {
  const failing = results.filter((r) => r.status === 'fail');
  return {
    failed: failing.filter((r) => r.severity === 'required'),
    advisories: failing.filter((r) => r.severity === 'advisory'),
  };
}
