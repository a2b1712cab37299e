// How ZStack's REST layer reads one `q=` condition (docs/zstack-protocol.md#condition-parsing): the first operator
// of OPERATOR_SEARCH_ORDER found anywhere in the text, then commons-lang 2 `StringUtils.splitByWholeSeparator(cond,
// op, 2)` (RestServer.handleQueryApi). Only a condition without any operator, or one the split leaves in a single
// part, is refused by the REST layer (400); an empty field (`  =a` splits into "  " and "a") goes on to ZQL, which
// fails inside the API (503 SYS.1000). Written from the algorithm's description, independent of the reference server.
import { OPERATOR_SEARCH_ORDER, type QueryOperator } from './oracle.ts';

/**
 * commons-lang 2 `StringUtils.splitByWholeSeparator(str, separator, max)` for a non-empty separator: a separator
 * at the current position is skipped (so one at index 0, or one right after another, yields no empty part), the
 * max-th part is the rest of the text, and the text after the last separator is always a part (possibly "").
 */
export function splitByWholeSeparator(str: string, separator: string, max: number): string[] {
  const parts: string[] = [];
  let beg = 0;
  let end = 0;
  while (end < str.length) {
    end = str.indexOf(separator, beg);
    if (end === -1) {
      parts.push(str.slice(beg));
      break;
    }
    if (end > beg) {
      if (parts.length + 1 === max) {
        parts.push(str.slice(beg));
        break;
      }
      parts.push(str.slice(beg, end));
    }
    beg = end + separator.length;
  }
  return parts;
}

export type ParsedCondition =
  | { kind: 'condition'; field: string; op: QueryOperator; value: string }
  /** refused by the REST layer: 400, plain text */
  | { kind: 'rest-refusal'; reason: string };

/** The REST layer's reading of one condition: the field trimmed, the value as sent (never trimmed). */
export function parseConditionAsRestLayer(cond: string): ParsedCondition {
  const op = OPERATOR_SEARCH_ORDER.find((o) => cond.includes(o));
  if (op === undefined) return { kind: 'rest-refusal', reason: `'${cond}' doesn't contain any query operator` };
  const parts = splitByWholeSeparator(cond, op, 2);
  if (op === 'is null' || op === 'not null')
    return { kind: 'condition', field: (parts[0] ?? '').trim(), op, value: '' };
  if (parts.length !== 2) return { kind: 'rest-refusal', reason: `'${cond}' is not a key-value pair split by ${op}` };
  return { kind: 'condition', field: parts[0].trim(), op, value: parts[1] };
}
