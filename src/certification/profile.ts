// A certification profile (contracts/profiles/<name>.json): which checks and tests a certification runs, each
// required or advisory, and from which ZStack version each API, parameter, inventory field and test applies.
// The levels are policy and written by hand; everything else is derived (profile-derive.ts) and
// `npm run contracts:check` fails when the file and the derivation disagree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS_DIR } from '../../contracts/index.ts';
import { versionAtLeast } from '../contract-model/schemas.ts';

export type Level = 'required' | 'advisory';
export type TestKind = 'scenario' | 'property' | 'pact';

export interface ProfileApi {
  name: string;
  since: string;
  /** request parameter -> version it exists since */
  params: Record<string, string>;
  /** reply inventory field -> version from which it is demanded */
  fields: Record<string, string>;
  /** state transitions the API documents, `<event> -> <state>` */
  transitions: string[];
}

export interface ProfileCheck {
  name: string;
  level: Level;
}
export interface ProfileTest {
  title: string;
  kind: TestKind;
  apis: string[];
  since: string;
  level: Level;
}

/** The query surface of one area (every Query API of the surface whose descriptor names the area; `other`: none). */
export interface ProfileArea {
  queries: string[];
}

export interface Profile {
  $comment?: string;
  profile: string;
  profileVersion: string;
  title: string;
  /** the ZStack versions a target may declare under this profile: from <= v < below */
  zstackVersions: { from: string; below: string };
  apis: ProfileApi[];
  /** the query surface by area, for certifying chosen areas (ZSTACK_PROFILE_AREAS, npm run certify --areas) */
  areas: Record<string, ProfileArea>;
  checks: ProfileCheck[];
  tests: ProfileTest[];
}

export const PROFILES_DIR = join(CONTRACTS_DIR, 'profiles');
export const DEFAULT_PROFILE = 'zstack-5.x';

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

export function profilePath(name: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name))
    throw new ProfileError(`profile name "${name}": expected lower-case letters, digits, dots and dashes`);
  return join(PROFILES_DIR, `${name}.json`);
}

export function loadProfile(name = DEFAULT_PROFILE): Profile {
  let text: string;
  try {
    text = readFileSync(profilePath(name), 'utf8');
  } catch {
    throw new ProfileError(`no profile contracts/profiles/${name}.json`);
  }
  try {
    return JSON.parse(text) as Profile;
  } catch (e) {
    throw new ProfileError(
      `contracts/profiles/${name}.json is not JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** The tests, APIs, checks and transitions of a profile that apply to a target of the declared version. */
export interface Applicable {
  apis: ProfileApi[];
  tests: ProfileTest[];
  checks: ProfileCheck[];
  transitions: string[];
}

export function applicable(p: Profile, version: string): Applicable {
  const apis = p.apis.filter((a) => versionAtLeast(version, a.since));
  return {
    apis,
    tests: p.tests.filter((t) => versionAtLeast(version, t.since)),
    checks: p.checks,
    transitions: apis.flatMap((a) => a.transitions.map((t) => `${a.name}: ${t}`)),
  };
}

/** Refuses a declared version the profile does not cover (a 6.x target is not certified against 5.x). */
export function assertCovers(p: Profile, version: string): void {
  const { from, below } = p.zstackVersions;
  if (!versionAtLeast(version, from) || versionAtLeast(version, below)) {
    throw new ProfileError(
      `profile ${p.profile} covers ZStack ${from} up to (not including) ${below}; ZSTACK_TARGET_VERSION is ${version}`,
    );
  }
}
