// Building a check's violation, and showing a received or expected value in it.
import type { Check, Violation } from '../types.ts';
import type { Observation } from '../../exchange/observation.ts';

export function violation(
  check: Pick<Check, 'name' | 'severity' | 'source'>,
  o: Observation,
  title: string,
  received: string,
  expected: string,
): Violation {
  return {
    check: check.name,
    severity: check.severity,
    api: o.api.name,
    title,
    received,
    expected,
    source: check.source,
  };
}

export const show = (v: unknown, max = 300): string => {
  const s = v === undefined ? 'absent' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};
