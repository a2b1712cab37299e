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
  /** when set, each job stays pending a random time from jobDelayMs to this (real jobs vary) */
  jobDelayMaxMs?: number;
  /** what a pending poll answers: `{}` (server) or the location again (manual) */
  pendingBody: 'empty' | 'location';
  /** status of a wrongly-shaped List/String parameter: 500 (Gson, real ZStack) or 400 */
  wrongShapeStatus: 500 | 400;
  /**
   * the order of query rows without sort (and of ties under one): uuid (InnoDB in practice) or random (SQL leaves it
   * open)
   */
  rowOrder: 'uuid' | 'random';
  /** how long after the job's result is visible to polls the web hook is POSTed */
  webHookDelayMs: number;
}

export const DEFAULT_VARIANT: Variant = {
  dateFormat: 'java8',
  contentType: 'none',
  extraFields: false,
  explicitNullError: false,
  jobDelayMs: 0,
  pendingBody: 'empty',
  wrongShapeStatus: 500,
  rowOrder: 'uuid',
  webHookDelayMs: 0,
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
  'random-row-order': { rowOrder: 'random' },
  'slow-jobs-empty-body': { jobDelayMs: 300 },
  'web-hook-after-result': { webHookDelayMs: 400 },
};
