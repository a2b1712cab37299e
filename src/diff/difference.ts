// What a differential run reports: one Difference per thing that differs between two recordings of the same
// test after normalization (src/diff/normalize.ts). A change fails the diff unless an allow-list entry names
// it; an informational one never does.
import type { RecordingStep } from '../recording/recording.ts';

export type ChangeKind =
  | 'status'
  | 'error-code'
  | 'field-type'
  | 'field-removed'
  | 'value'
  | 'state'
  | 'row-set'
  | 'timestamp-order'
  | 'steps'
  | 'test-outcome'
  /** a check failed on one side's step and not on the other's */
  | 'verdict';

/** `advisory`: an advisory finding on one side's step only (a required one is a `verdict` change) */
export type InformationalKind = 'field-added' | 'date-style' | 'description' | 'advisory';

export type DifferenceKind = ChangeKind | InformationalKind;

export interface Difference {
  class: 'change' | 'informational';
  kind: DifferenceKind;
  testId: string;
  /** the API of the step (of the test, for a test-level difference; '' when the test names none) */
  api: string;
  /** the scenario, property case or sweep the step belongs to ('' for a test-level difference) */
  unit: string;
  /** index of the step in A's recording, or B's when only B has it; absent for a test-level difference */
  step?: number;
  /** where in the final answer: `status`, `error.code`, `inventory.state`, `inventories[<uuid>].type`, ... */
  path: string;
  /** short JSON texts of each side's value */
  a: string;
  b: string;
  stepA?: RecordingStep;
  stepB?: RecordingStep;
  /** set by applyAllowList: the allow-list entry that accepts this change */
  allowed?: { reason: string; entry: string };
}

const INFORMATIONAL: ReadonlySet<DifferenceKind> = new Set(['field-added', 'date-style', 'description', 'advisory']);

/** The class a kind has in an ordinary test (the sweep demotes some changes to informational). */
export const classOf = (kind: DifferenceKind): Difference['class'] =>
  INFORMATIONAL.has(kind) ? 'informational' : 'change';

/** A value as a short JSON text for a report line (undefined: `absent`). */
export function shortJson(value: unknown, max = 120): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
