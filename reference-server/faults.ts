// Switchable ways the reference server breaks the contract. Each exists so that a test can show the check
// (or property) it targets fails on it; see tests/self/fault-modes.spec.ts. Names are the public interface:
// ZSTACK_REF_FAULTS=name,name or startReferenceServer({ faults: [...] }).
export const FAULTS = {
  // replies of successful calls
  'error-on-success': 'a successful job result also carries an "error" ErrorCode',
  'no-inventory-on-success': 'a successful create/action/login result has no "inventory"',
  'missing-uuid': 'inventories are sent without their "uuid"',
  'wrong-field-type': 'flow collections send isDefault as the string "false"/"true" instead of a boolean',
  'iso-timestamps': 'timestamps are ISO-8601 strings instead of the Java medium format',
  'java20-timestamps': 'timestamps use U+202F before AM/PM (Java 20+), which the official SDK cannot parse',
  // failures
  'errorcode-without-code': 'a failed job\'s ErrorCode has no "code"',
  'inventory-on-failure': 'a failed job\'s 503 body also carries an "inventory"',
  'failure-as-200': 'a failed job is reported with HTTP 200 (and the error body)',
  // state-event semantics
  'state-not-changed': 'a stateEvent is acknowledged but the state stays as it was',
  'repeat-state-flips': 'a stateEvent that matches the current state flips it instead of being idempotent',
  'state-event-renames': 'a stateEvent also changes the resource name',
  'lastopdate-goes-back': 'a change sets lastOpDate one hour earlier than before',
  'createdate-rewritten': 'a change rewrites createDate to the time of the change',
  'invalid-state-event-accepted': 'a stateEvent outside the allowed values succeeds (state unchanged)',
  'invalid-state-event-half-applied': 'a stateEvent outside the allowed values fails with SYS.1007 but disables the resource',
  // update semantics
  'update-clears-unsent': 'an update removes the description when it is not sent',
  'update-ignores-name': 'an update answers success but keeps the old name',
  'rejected-update-applies': 'an update rejected for an over-long field (SYS.1007) still applies its other fields',
  'query-stale': 'queries return the inventory as it was before the last update or state change',
  // lifecycle
  'deleted-still-answers': 'a deleted resource still appears in queries and accepts actions',
  'second-delete-fails': 'deleting a resource that no longer exists fails with SYS.1003',
  // protocol
  'job-location-off-path': 'the job location does not contain /zstack/v1/api-jobs/',
  'bad-session-accepted': 'an unknown session id is accepted as if valid',
  'no-schema-map': 'query replies carry no "schema" map',
  'schema-map-child-first': 'the "schema" map lists child paths before their parents',
  'miscased-key-accepted': 'a PUT body with the action key in another case is accepted',
  'boolean-not-verified': 'a Boolean parameter with a non-boolean value is accepted (stored as false)',
  'wrong-type-applied': 'a String parameter given an object is accepted and stored as its JSON text',
  'job-never-ends': 'jobs stay pending (202) forever',
  'non-ascii-refused': 'a string parameter with a character outside ASCII is refused with SYS.1007',
  'create-drops-description': 'a create succeeds but does not store the description it was sent',
  'sync-answers': 'asynchronous APIs answer their result directly with 200 instead of 202 + job',
  'no-inferred-fields': 'inventories leave out the fields a real server is inferred to always send (attributes, srcType, isDefault, flows, ...)',
} as const;

export type FaultName = keyof typeof FAULTS;

export function parseFaults(text: string | undefined): FaultName[] {
  if (!text) return [];
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!(n in FAULTS)) throw new Error(`unknown fault mode "${n}"; known: ${Object.keys(FAULTS).join(', ')}`);
  return names as FaultName[];
}

// Conformant ways to differ: real ZStack (or a gateway in front of it) does each of these, so the suite must pass them.
export interface Variant {
  /** Gson's java.sql.Timestamp text: Java 8 `Jan 6, 2017 3:51:16 AM` or Java 9-19 `Jan 6, 2017, 3:51:16 AM` */
  dateFormat: 'java8' | 'java9';
  /** real ZStack sends no Content-Type; a gateway may add application/json */
  contentType: 'none' | 'json';
  /** unknown extra fields in inventories and at the top level of replies */
  extraFields: boolean;
  /** send `"error": null` on success instead of omitting it (both are conformant) */
  explicitNullError: boolean;
  /** host:port the job location names instead of the one the client used (NAT, proxy) */
  jobLocationHost?: string;
  /** how long a job stays pending (polls answer 202) */
  jobDelayMs: number;
  /** what a pending poll answers: `{}` (server) or the location again (manual) */
  pendingBody: 'empty' | 'location';
  /** status of a wrongly-shaped List/String parameter: 500 (Gson, real ZStack) or 400 */
  wrongShapeStatus: 500 | 400;
}

export const DEFAULT_VARIANT: Variant = {
  dateFormat: 'java8',
  contentType: 'none',
  extraFields: false,
  explicitNullError: false,
  jobDelayMs: 0,
  pendingBody: 'empty',
  wrongShapeStatus: 500,
};

/** The named conformant variants the self-tests run the whole conformance scenario set against. */
export const VARIANTS: Record<string, Partial<Variant>> = {
  'java9-dates': { dateFormat: 'java9' },
  'json-content-type': { contentType: 'json' },
  'extra-fields': { extraFields: true },
  'explicit-null-error': { explicitNullError: true },
  'job-location-other-host': { jobLocationHost: 'zstack-mn.internal:8080' },
  'slow-jobs': { jobDelayMs: 450, pendingBody: 'location' },
  'wrong-shape-400': { wrongShapeStatus: 400 },
};
