// Which checks a run counts (a selection by rule) and at which level each one counts: the profile's level, or the
// check's own severity for a check the profile does not list.
import type { Severity } from '../checks/index.ts';
import type { Level, Profile } from './profile.ts';
import type { RunMeta } from './certification.ts';

export interface RuleSelection {
  selected(check: string): boolean;
  levelOf(check: string, severity: Severity): Level;
}

export function ruleSelection(profile: Profile, meta: RunMeta): RuleSelection {
  const checkLevel = new Map(profile.checks.map((c) => [c.name, c.level]));
  return {
    selected: (check) => !meta.rules || meta.rules.includes(check),
    levelOf: (check, severity) => checkLevel.get(check) ?? severity,
  };
}
