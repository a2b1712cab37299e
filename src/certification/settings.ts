// The certification's settings (environment > .env, like every other setting; docs/certification.md):
// ZSTACK_PROFILE, ZSTACK_PROFILE_AREAS,
// ZSTACK_BASELINE, ZSTACK_CERT_DIR, ZSTACK_CERT_RULES, ZSTACK_CERT_LEVEL, ZSTACK_CERT_SELECTION.
import { ConfigError } from '../config.ts';
import { DEFAULT_PROFILE, type Level } from './profile.ts';

export interface CertSettings {
  profile: string;
  baseline: string | undefined;
  dir: string;
  rules: string[] | undefined;
  level: Level | undefined;
  /** the areas certified (ZSTACK_PROFILE_AREAS, a comma list); undefined = none chosen */
  areas: string[] | undefined;
  /** how the run was narrowed, as the certificate shows it (set by `npm run certify`) */
  selection: string[];
}

export const DEFAULT_CERT_DIR = 'reports/certification';

const text = (env: Record<string, string | undefined>, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

export function readCertSettings(
  env: Record<string, string | undefined>,
  knownChecks: readonly string[],
): CertSettings {
  const rules = text(env, 'ZSTACK_CERT_RULES')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const r of rules ?? [])
    if (!knownChecks.includes(r))
      throw new ConfigError('ZSTACK_CERT_RULES', `no check named "${r}" (known: ${knownChecks.join(', ')})`);
  const areas = text(env, 'ZSTACK_PROFILE_AREAS')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of areas ?? [])
    if (!/^[a-z][a-z0-9-]*$/.test(a))
      throw new ConfigError('ZSTACK_PROFILE_AREAS', `expected area slugs such as iam2,vm, got "${a}"`);
  const level = text(env, 'ZSTACK_CERT_LEVEL');
  if (level !== undefined && level !== 'required' && level !== 'advisory')
    throw new ConfigError('ZSTACK_CERT_LEVEL', `expected "required" or "advisory", got "${level}"`);
  const profile = text(env, 'ZSTACK_PROFILE') ?? DEFAULT_PROFILE;
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(profile))
    throw new ConfigError('ZSTACK_PROFILE', `expected a profile name such as ${DEFAULT_PROFILE}, got "${profile}"`);
  let selection: string[] = [];
  const sel = text(env, 'ZSTACK_CERT_SELECTION');
  if (sel) {
    try {
      selection = (JSON.parse(sel) as unknown[]).map(String);
    } catch {
      throw new ConfigError('ZSTACK_CERT_SELECTION', 'expected a JSON list of strings (set by npm run certify)');
    }
  }
  return {
    profile,
    baseline: text(env, 'ZSTACK_BASELINE'),
    dir: text(env, 'ZSTACK_CERT_DIR') ?? DEFAULT_CERT_DIR,
    rules,
    level: level as Level | undefined,
    areas: areas ? [...new Set(areas)].sort() : undefined,
    selection: [
      ...selection,
      ...(rules ? [`rules: ${rules.join(',')}`] : []),
      ...(level ? [`level: ${level}`] : []),
      ...(areas ? [`areas: ${[...new Set(areas)].sort().join(',')}`] : []),
    ],
  };
}
