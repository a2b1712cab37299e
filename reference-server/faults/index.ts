// The registry of fault modes: one unit per file, registered here. This order is the public order (docs,
// `npm run conformance:list`) and the order in which the hooks of several installed faults chain.
import type { ServerContext } from '../context.ts';
import { composeHooks, type Hooks } from '../hooks.ts';
import type { ShownIn } from './types.ts';
import errorOnSuccess from './error-on-success.ts';
import noInventoryOnSuccess from './no-inventory-on-success.ts';
import missingUuid from './missing-uuid.ts';
import wrongFieldType from './wrong-field-type.ts';
import isoTimestamps from './iso-timestamps.ts';
import java20Timestamps from './java20-timestamps.ts';
import errorcodeWithoutCode from './errorcode-without-code.ts';
import inventoryOnFailure from './inventory-on-failure.ts';
import failureAs200 from './failure-as-200.ts';
import stateNotChanged from './state-not-changed.ts';
import repeatStateFlips from './repeat-state-flips.ts';
import stateEventRenames from './state-event-renames.ts';
import lastopdateGoesBack from './lastopdate-goes-back.ts';
import createdateRewritten from './createdate-rewritten.ts';
import invalidStateEventAccepted from './invalid-state-event-accepted.ts';
import invalidStateEventHalfApplied from './invalid-state-event-half-applied.ts';
import updateClearsUnsent from './update-clears-unsent.ts';
import updateIgnoresName from './update-ignores-name.ts';
import rejectedUpdateApplies from './rejected-update-applies.ts';
import queryStale from './query-stale.ts';
import deletedStillAnswers from './deleted-still-answers.ts';
import projectHiddenAtDelete from './project-hidden-at-delete.ts';
import expungeKeepsProject from './expunge-keeps-project.ts';
import secondDeleteFails from './second-delete-fails.ts';
import jobLocationOffPath from './job-location-off-path.ts';
import badSessionAccepted from './bad-session-accepted.ts';
import noSchemaMap from './no-schema-map.ts';
import schemaMapChildFirst from './schema-map-child-first.ts';
import miscasedKeyAccepted from './miscased-key-accepted.ts';
import booleanNotVerified from './boolean-not-verified.ts';
import wrongTypeApplied from './wrong-type-applied.ts';
import jobNeverEnds from './job-never-ends.ts';
import nonAsciiRefused from './non-ascii-refused.ts';
import createDropsDescription from './create-drops-description.ts';
import syncAnswers from './sync-answers.ts';
import noInferredFields from './no-inferred-fields.ts';
import jobUuidIgnored from './job-uuid-ignored.ts';
import jobUuidUnchecked from './job-uuid-unchecked.ts';
import unknownJobPending from './unknown-job-pending.ts';
import jobAddressAnyMethod from './job-address-any-method.ts';
import pendingPollText from './pending-poll-text.ts';
import unknownPath400 from './unknown-path-400.ts';
import wrongMethod404 from './wrong-method-404.ts';
import authorizationCheckedInJob from './authorization-checked-in-job.ts';
import badSessionRefusedAtOnce from './bad-session-refused-at-once.ts';
import logoutNeedsAuthorization from './logout-needs-authorization.ts';
import refusedCreatePersists from './refused-create-persists.ts';
import webHookNotSent from './web-hook-not-sent.ts';
import queryCaseSensitive from './query-case-sensitive.ts';
import queryNegationMatchesNull from './query-negation-matches-null.ts';
import querySortIgnored from './query-sort-ignored.ts';
import queryStartIgnored from './query-start-ignored.ts';
import queryTotalCountsPage from './query-total-counts-page.ts';
import queryFieldsIgnored from './query-fields-ignored.ts';
import queryUuidPathIgnored from './query-uuid-path-ignored.ts';
import malformedConditionIgnored from './malformed-condition-ignored.ts';
import queryUnknownFieldIgnored from './query-unknown-field-ignored.ts';
import queryTimestampsAsText from './query-timestamps-as-text.ts';
import queryBooleanInAsLiteral from './query-boolean-in-as-literal.ts';
import sweepFieldWrongType from './sweep-field-wrong-type.ts';
import schemaMapNamesSdkClass from './schema-map-names-sdk-class.ts';
import countIgnoresFilter from './count-ignores-filter.ts';
import sweepFieldsIgnored from './sweep-fields-ignored.ts';

export const FAULT_UNITS = [
  errorOnSuccess,
  noInventoryOnSuccess,
  missingUuid,
  wrongFieldType,
  isoTimestamps,
  java20Timestamps,
  errorcodeWithoutCode,
  inventoryOnFailure,
  failureAs200,
  stateNotChanged,
  repeatStateFlips,
  stateEventRenames,
  lastopdateGoesBack,
  createdateRewritten,
  invalidStateEventAccepted,
  invalidStateEventHalfApplied,
  updateClearsUnsent,
  updateIgnoresName,
  rejectedUpdateApplies,
  queryStale,
  deletedStillAnswers,
  projectHiddenAtDelete,
  expungeKeepsProject,
  secondDeleteFails,
  jobLocationOffPath,
  badSessionAccepted,
  noSchemaMap,
  schemaMapChildFirst,
  miscasedKeyAccepted,
  booleanNotVerified,
  wrongTypeApplied,
  jobNeverEnds,
  nonAsciiRefused,
  createDropsDescription,
  syncAnswers,
  noInferredFields,
  jobUuidIgnored,
  jobUuidUnchecked,
  unknownJobPending,
  jobAddressAnyMethod,
  pendingPollText,
  unknownPath400,
  wrongMethod404,
  authorizationCheckedInJob,
  badSessionRefusedAtOnce,
  logoutNeedsAuthorization,
  refusedCreatePersists,
  webHookNotSent,
  queryCaseSensitive,
  queryNegationMatchesNull,
  querySortIgnored,
  queryStartIgnored,
  queryTotalCountsPage,
  queryFieldsIgnored,
  queryUuidPathIgnored,
  malformedConditionIgnored,
  queryUnknownFieldIgnored,
  queryTimestampsAsText,
  queryBooleanInAsLiteral,
  sweepFieldWrongType,
  schemaMapNamesSdkClass,
  countIgnoresFilter,
  sweepFieldsIgnored,
] as const;

export type FaultName = (typeof FAULT_UNITS)[number]['name'];

/** Fault name -> one-line description (the public list). */
export const FAULTS = Object.fromEntries(FAULT_UNITS.map((u) => [u.name, u.description])) as Record<FaultName, string>;

/** A check a fault mode must trip and the self-test that shows it, as each fault unit declares it. */
export interface FaultTrip {
  fault: FaultName;
  check: string;
  in: ShownIn;
}

/** Every fault's declared trips, in registry order. */
export const FAULT_TRIPS: readonly FaultTrip[] = FAULT_UNITS.flatMap((u) =>
  u.trips.map((t) => ({ fault: u.name, check: t.check, in: t.in })),
);

const UNIT_BY_NAME: ReadonlyMap<string, (typeof FAULT_UNITS)[number]> = new Map(FAULT_UNITS.map((u) => [u.name, u]));

export function isFaultName(name: string): name is FaultName {
  return UNIT_BY_NAME.has(name);
}

export function parseFaults(text: string | undefined): FaultName[] {
  if (!text) return [];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names)
    if (!isFaultName(n)) throw new Error(`unknown fault mode "${n}"; known: ${Object.keys(FAULTS).join(', ')}`);
  return names as FaultName[];
}

/** The hooks of one server instance: the honest ones with the named faults chained on, in registry order. */
export function installFaults(ctx: ServerContext, names: readonly string[]): Hooks {
  for (const n of names) if (!isFaultName(n)) throw new Error(`unknown fault mode "${n}"`);
  const wanted = new Set(names);
  return composeHooks(FAULT_UNITS.filter((u) => wanted.has(u.name)).map((u) => u.install(ctx)));
}
