import { parseZStackTimestamp } from '../contract-model/timestamps.ts';
import { NOT_APPLICABLE, type Check } from './types.ts';
import { body } from './support/observation-parts.ts';
import { violation } from './support/violation.ts';

function* strings(v: unknown, path: string): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) yield* strings(x, path ? `${path}.${k}` : k);
}

export const timestampsParseableBySdk: Check = {
  name: 'timestampsParseableBySdk',
  severity: 'advisory',
  rule: "Timestamps SHOULD use a spelling the official Java SDK parses (Java 8 or Java 9-19 medium format), not Java 20+'s U+202F before AM/PM.",
  source: 'docs/zstack-protocol.md#timestamps (the U+202F form throws ParseException in the SDK)',
  run(o) {
    const b = body(o);
    if (!b || o.exchange.final.status !== 200) return NOT_APPLICABLE;
    const bad = [...strings(b, '')].filter(([, s]) => parseZStackTimestamp(s)?.spelling === 'java20');
    if (bad.length === 0) return [];
    return [
      violation(
        this,
        o,
        'timestamps the official SDK cannot parse',
        bad
          .slice(0, 3)
          .map(([p, s]) => `${p}=${JSON.stringify(s)}`)
          .join(', '),
        '"Jan 6, 2017 3:51:16 AM" or "Jan 6, 2017, 3:51:16 AM"',
      ),
    ];
  },
};
