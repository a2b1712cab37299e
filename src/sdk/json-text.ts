// JSON text as JSON.stringify(value, null, 2) writes it, plus bigint written as its exact digits: Java longs such
// as Long.MAX_VALUE (9223372036854775807) are facts of the SDK that a double would round.

/** Plain data (objects, arrays, strings, finite numbers, bigints, booleans, null) as JSON text; object members
 * that are undefined are left out, as JSON.stringify does. */
export function jsonText(value: unknown, indent = ''): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} has no JSON form`);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value);
  if (typeof value !== 'object') throw new Error(`a ${typeof value} has no JSON form`);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length === 0
      ? '[]'
      : `[\n${value.map((v: unknown) => inner + jsonText(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0
    ? '{}'
    : `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonText(v, inner)}`).join(',\n')}\n${indent}}`;
}
