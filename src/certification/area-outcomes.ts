// The query surface by area, as the query sweep (project `sweep`) found it: per area the queries the target
// served, did not serve (the sweep test annotated `not-served` and skipped) and failed. A vendor certifies
// chosen areas (ZSTACK_PROFILE_AREAS, npm run certify --areas): in a certified area a query not served is a
// failure like a failed one; an area not chosen is shown and never decides the verdict.
import type { AreaOutcome, TestEntry } from './certification.ts';
import type { Profile } from './profile.ts';
import { SWEEP_ANNOTATION, SWEEP_PROJECT } from '../reporting/sweep-summary.ts';

export { SWEEP_PROJECT };

export class AreaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AreaError';
  }
}

/** The query a sweep test judges: its `@api:<Name>` tag, else the one query of the profile its title names. */
function queryOf(e: TestEntry, queries: ReadonlySet<string>): string | undefined {
  const tagged = (e.tags ?? []).map((t) => /^@api:(\w+)$/.exec(t)?.[1]).find((n) => n && queries.has(n));
  if (tagged) return tagged;
  const named = e.title.split(/\W+/).filter((w) => queries.has(w));
  return named.length === 1 ? named[0] : undefined;
}

/** The areas of the profile with sweep results, and every certified area; an unknown certified area is an error. */
export function judgeAreas(
  entries: readonly TestEntry[],
  profile: Pick<Profile, 'areas'>,
  certified: readonly string[] = [],
): AreaOutcome[] {
  const areas = profile.areas ?? {};
  for (const a of certified)
    if (!(a in areas))
      throw new AreaError(
        `ZSTACK_PROFILE_AREAS: the profile has no area "${a}" (its areas: ${Object.keys(areas).join(', ')})`,
      );
  const queries = new Set(Object.values(areas).flatMap((a) => a.queries));
  const outcomeOf = new Map<string, 'served' | 'notServed' | 'failed'>();
  for (const e of entries) {
    if (e.project !== SWEEP_PROJECT) continue;
    const q = queryOf(e, queries);
    if (!q) continue;
    const was = outcomeOf.get(q);
    const now = e.annotations.some((a) => a.type === SWEEP_ANNOTATION.notServed)
      ? 'notServed'
      : e.status === 'passed'
        ? 'served'
        : e.status === 'skipped'
          ? undefined
          : 'failed';
    // several tests of one query: the worst counts (failed over not served over served)
    if (now && (!was || (was === 'served' && now !== 'served') || now === 'failed')) outcomeOf.set(q, now);
  }
  const out: AreaOutcome[] = [];
  for (const [area, { queries: names }] of Object.entries(areas)) {
    const isCertified = certified.includes(area);
    const pick = (o: string) => names.filter((n) => outcomeOf.get(n) === o);
    const outcome: AreaOutcome = {
      area,
      certified: isCertified,
      served: pick('served'),
      notServed: pick('notServed'),
      failed: pick('failed'),
      notRun: names.filter((n) => !outcomeOf.has(n)),
      verdict: 'skipped',
    };
    if (outcome.failed.length || (isCertified && outcome.notServed.length)) outcome.verdict = 'failed';
    else if (outcome.served.length) outcome.verdict = 'passed';
    if (isCertified || outcome.notRun.length < names.length) out.push(outcome);
  }
  return out;
}

/** A certified area's queries as tests the verdict counts: one failed line per query failed or not served. */
export function areaReasons(a: AreaOutcome): string[] {
  return [
    ...a.failed.map((q) => `${q}: failed`),
    ...(a.certified ? a.notServed.map((q) => `${q}: not served (the area is certified)`) : []),
  ];
}
