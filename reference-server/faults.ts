// The public face of fault modes and variants, for the CLI, scripts and tests. Fault modes are switchable
// ways the reference server breaks the contract, each one unit in faults/ (see faults/index.ts); each
// exists so that a test can show the checks it declares (its `trips`) fail on it (FAULT_TRIPS).
// Names are the public interface: ZSTACK_REF_FAULTS=name,name or startReferenceServer({ faults: [...] }).
// Variants are conformant ways to differ: options of the honest server (variant.ts), not faults.
export { FAULTS, FAULT_TRIPS, parseFaults, type FaultName, type FaultTrip } from './faults/index.ts';
export type { ShownIn } from './faults/types.ts';
export { DEFAULT_VARIANT, VARIANTS, type Variant } from './variant.ts';
export { SWEEP_FAULT_API } from './faults/sweep-target.ts';
