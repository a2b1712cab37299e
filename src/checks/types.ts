// The shape every check shares: one rule, one function, Observation in, Violations (or NOT_APPLICABLE) out.
// Checks are pure: no I/O, no client; they run the same on live traffic and on recorded documents.
import type { SchemaRegistry } from '../contract-model/schemas.ts';
import type { Observation } from '../exchange/observation.ts';

export type Severity = 'required' | 'advisory';

export interface Violation {
  check: string;
  severity: Severity;
  api: string;
  title: string;
  received: string;
  expected: string;
  source: string;
}

export const NOT_APPLICABLE = 'not-applicable' as const;
export type CheckOutcome = Violation[] | typeof NOT_APPLICABLE;

export interface CheckContext {
  schemas: SchemaRegistry;
}

export interface Check {
  name: string;
  severity: Severity;
  /** the rule, as a MUST sentence (README and reports) */
  rule: string;
  /** where the rule (and each tolerance in it) comes from */
  source: string;
  run(o: Observation, ctx: CheckContext): CheckOutcome;
}
