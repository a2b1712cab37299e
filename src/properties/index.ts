// Every property of the suite. The fault modes of the reference server each must catch are declared by the
// faults themselves (their `trips`); tests/self/properties-model.spec.ts and properties-inputs.spec.ts run them.
import { invalidInputsRejected, validInputsApplied } from './inputs.ts';
import { lifecycleMatchesModel } from './model/lifecycle.ts';
import type { PropertySpec } from './property.ts';

export { checkProperty } from './runner.ts';
export type { PropertyOutcome, PropertySpec, RunOptions } from './property.ts';

export const PROPERTIES: ReadonlyArray<PropertySpec<never>> = [
  lifecycleMatchesModel,
  validInputsApplied,
  invalidInputsRejected,
] as unknown as ReadonlyArray<PropertySpec<never>>;
