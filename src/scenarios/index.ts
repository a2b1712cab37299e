import { flowCollectionRejectionsScenario } from './flow-collection-rejections.ts';
import { flowCollectionUpdateScenario } from './flow-collection-update.ts';
import { organizationRejectionsScenario } from './organization-rejections.ts';
import { organizationStateScenario } from './organization-state.ts';
import { readOnlyRefusalsScenario } from './read-only-refusals.ts';
import type { Scenario } from './scenario.ts';
import { sessionScenario } from './session.ts';

export type { Scenario } from './scenario.ts';

export const SCENARIOS: readonly Scenario[] = [
  sessionScenario,
  organizationStateScenario,
  organizationRejectionsScenario,
  flowCollectionUpdateScenario,
  flowCollectionRejectionsScenario,
  readOnlyRefusalsScenario,
];
