// The derived part of a profile: from the contracts, the checks, the scenarios, the properties and the pact
// interactions. `npm run profile:write` writes it (keeping the hand-set levels); `npm run contracts:check`
// fails when the file and the derivation disagree, so the file never drifts from what the suite really does.
import { ANY_VERSION, sinceOf, type Contracts } from '../../contracts/index.ts';
import { ALL_CHECKS } from '../checks/index.ts';
import { versionAtLeast } from '../contract-model/schemas.ts';
import { newestVersion, sinceOfApis } from '../contract-model/versions.ts';
import { PROPERTIES } from '../properties/index.ts';
import { QUERY_PROPERTIES } from '../properties/query/index.ts';
import { resourceProfiles } from '../properties/targets.ts';
import { buildInteractions } from '../pact/interactions.ts';
import { PACT_FILE_TEST, PACT_VERIFY_TEST } from '../pact/names.ts';
import type { Level, Profile, ProfileApi, ProfileArea, ProfileTest } from './profile.ts';

/** Any version inside the profile's range sees every interaction (the pact file of the newest target). */
const NEWEST = '999.0.0';

/** What the profile needs of a conformance scenario (src/scenarios; passed in: only tests and scripts import them). */
export interface ScenarioInfo {
  title: string;
  apis: readonly string[];
  since: string;
}

/** The area of an API with none in its descriptor. */
export const OTHER_AREA = 'other';

/** Every query of the surface, grouped by area (areas and queries sorted). */
export function queryAreas(contracts: Contracts): Record<string, ProfileArea> {
  const areas = new Map<string, string[]>();
  for (const api of contracts.surface.values()) {
    if (api.kind !== 'query') continue;
    const area = api.area ?? OTHER_AREA;
    areas.set(area, [...(areas.get(area) ?? []), api.name]);
  }
  return Object.fromEntries(
    [...areas.keys()].sort().map((a) => [a, { queries: [...(areas.get(a) ?? [])].sort() }] as const),
  );
}

/** The profile as the suite derives it; `policy` (the file as it is) keeps its hand-set levels and header. */
export function deriveProfile(contracts: Contracts, policy: Profile, scenarios: readonly ScenarioInfo[]): Profile {
  const levelOf = <T extends { level: Level }>(list: T[], key: (x: T) => string) => {
    const m = new Map(list.map((x) => [key(x), x.level]));
    return (k: string, dflt: Level): Level => m.get(k) ?? dflt;
  };
  const checkLevel = levelOf(policy.checks ?? [], (c) => c.name);
  const testLevel = levelOf(policy.tests ?? [], (t) => t.title);

  const apis: ProfileApi[] = [...contracts.apis.values()]
    .map((a) => {
      const schema = a.reply.schema ? contracts.schemas.get(a.reply.schema) : undefined;
      const props = Object.keys((schema?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const requiredSince = (schema?.['x-required-since'] as Record<string, string> | undefined) ?? {};
      const since = sinceOf(a);
      return {
        name: a.name,
        since,
        params: Object.fromEntries(
          Object.entries(a.params).map(([n, p]) => [n, newestVersion([since, p.since ?? since])]),
        ),
        fields: Object.fromEntries(props.sort().map((f) => [f, newestVersion([since, requiredSince[f] ?? since])])),
        transitions: Object.entries(a.effect?.kind === 'stateEvent' ? (a.effect.transitions ?? {}) : {}).map(
          ([e, s]) => `${e} -> ${s}`,
        ),
      };
    })
    .sort((x, y) => x.name.localeCompare(y.name));

  const tests: ProfileTest[] = [];
  for (const s of scenarios) {
    tests.push({
      title: s.title,
      kind: 'scenario',
      apis: [...s.apis],
      since: newestVersion([s.since, sinceOfApis(contracts, s.apis)]),
      level: testLevel(s.title, 'required'),
    });
  }
  const resources = resourceProfiles(contracts);
  const resourceApis = resources.map((r) =>
    [r.create, r.query, r.delete, r.stateEvent, r.update].filter((a) => a !== undefined).map((a) => a.name),
  );
  for (const p of [...PROPERTIES, ...QUERY_PROPERTIES]) {
    // a property walks every resource the target has; it applies as soon as one of them exists
    const since = resourceApis
      .map((names) => sinceOfApis(contracts, names))
      .reduce((a, b) => (versionAtLeast(a, b) ? b : a));
    tests.push({
      title: p.title,
      kind: 'property',
      apis: [...new Set(resourceApis.flat())].sort(),
      since,
      level: testLevel(p.title, 'required'),
    });
  }
  for (const spec of buildInteractions(contracts, NEWEST)) {
    const title = `pact: ${spec.description}`;
    tests.push({
      title,
      kind: 'pact',
      apis: [spec.api],
      since: sinceOfApis(contracts, [spec.api]),
      level: testLevel(title, 'required'),
    });
  }
  const login = [...contracts.apis.values()].find((a) => a.kind === 'login');
  const loginSince = login ? sinceOf(login) : ANY_VERSION;
  tests.push({
    title: PACT_FILE_TEST,
    kind: 'pact',
    apis: [],
    since: loginSince,
    level: testLevel(PACT_FILE_TEST, 'required'),
  });
  tests.push({
    title: PACT_VERIFY_TEST,
    kind: 'pact',
    apis: [],
    since: loginSince,
    level: testLevel(PACT_VERIFY_TEST, 'required'),
  });

  return {
    $comment:
      policy.$comment ??
      'Levels (required/advisory) are policy, edited by hand; everything else is generated by `npm run profile:write` and verified by `npm run contracts:check`.',
    profile: policy.profile,
    profileVersion: policy.profileVersion,
    title: policy.title,
    zstackVersions: policy.zstackVersions,
    apis,
    areas: queryAreas(contracts),
    checks: ALL_CHECKS.map((c) => ({ name: c.name, level: checkLevel(c.name, c.severity) })),
    tests,
  };
}

/** The profile's problems: a bad level, a bad header, or a difference from the derivation. Empty = good. */
export function profileProblems(file: Profile, derived: Profile): string[] {
  const problems: string[] = [];
  const V = /^\d+\.\d+\.\d+$/;
  if (!file.profile || !V.test(file.profileVersion ?? ''))
    problems.push('profile and profileVersion (MAJOR.MINOR.PATCH) are required');
  if (!V.test(file.zstackVersions?.from ?? '') || !V.test(file.zstackVersions?.below ?? ''))
    problems.push('zstackVersions.from and .below must be MAJOR.MINOR.PATCH');
  for (const x of [...(file.checks ?? []), ...(file.tests ?? [])]) {
    if (x.level !== 'required' && x.level !== 'advisory')
      problems.push(
        `${'name' in x ? x.name : x.title}: level must be "required" or "advisory", got ${JSON.stringify(x.level)}`,
      );
  }
  if (JSON.stringify(file, null, 2) !== JSON.stringify(derived, null, 2))
    problems.push(
      'the file differs from what contracts/, src/checks, src/scenarios, src/properties and src/pact give: run `npm run profile:write`',
    );
  return problems;
}
