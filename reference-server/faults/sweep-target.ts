// The Query API outside the hand-written family on which the sweep faults show their trips (tests/sweep/): the
// query of virtual machines, which every ZStack has. The faults that break generic queries break it (and some of
// them the other generic queries too), never the hand-written family.
import type { Contracts } from '../../contracts/index.ts';
import { isGenericQuery } from '../generic-queries.ts';

export const SWEEP_FAULT_API = 'QueryVmInstance';

/** Whether the API named is a Query API the server serves with generated rows. */
export function isGenericQueryName(contracts: Contracts, api: string): boolean {
  const d = contracts.surface.get(api);
  return d !== undefined && isGenericQuery(contracts, d);
}
