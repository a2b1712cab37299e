// Every scenario the suite runs as a test: the hand-written ones, the protocol ones and those derived from the
// descriptors. The certification profile lists exactly these (scripts/profile.ts).
import type { Contracts } from '../../contracts/index.ts';
import { derivedScenarios } from './derived.ts';
import { SCENARIOS } from './index.ts';
import { PROTOCOL_SCENARIOS } from './protocol/index.ts';
import type { Scenario } from './scenario.ts';

export const allScenarios = (contracts: Contracts): Scenario[] => [
  ...SCENARIOS,
  ...PROTOCOL_SCENARIOS,
  ...derivedScenarios(contracts),
];
