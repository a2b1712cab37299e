import { NOT_APPLICABLE, type Check } from './types.ts';
import { answerUuids, queryRefused } from './queryReturnsMatchingRows.ts';
import { violation } from './support/violation.ts';

// Ranks come from the oracle: ties share one, so rows the collation cannot tell apart may come in any order.
export const querySortedAsAsked: Check = {
  name: 'querySortedAsAsked',
  severity: 'required',
  rule: 'A query with sort=+f / -f MUST list its resources in that order under utf8_general_ci, NULLs first ascending and last descending; ties in any order.',
  source: 'docs/zstack-protocol.md#sorting',
  run(o) {
    if (o.expect.kind !== 'query' || !o.expect.expected.ranks) return NOT_APPLICABLE;
    if (o.exchange.final.status !== 200) return [queryRefused(this, o)];
    const ranks = o.expect.expected.ranks;
    const got = (answerUuids(o) ?? []).filter((u) => ranks[u] !== undefined);
    for (let i = 1; i < got.length; i++) {
      if (ranks[got[i]] < ranks[got[i - 1]]) {
        return [
          violation(
            this,
            o,
            `${o.expect.why}: out of order`,
            `${got[i - 1]} (rank ${ranks[got[i - 1]]}) before ${got[i]} (rank ${ranks[got[i]]})`,
            `ranks not decreasing: ${got.map((u) => ranks[u]).join(',')} is not`,
          ),
        ];
      }
    }
    return [];
  },
};
