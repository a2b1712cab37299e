// The query surface by area as a Markdown table (docs/checks.md's generated `query-areas` block, written by
// `npm run conformance:list`): what a vendor certifying an area (ZSTACK_PROFILE_AREAS) is asked to serve.
import type { ProfileArea } from './profile.ts';

export function queryAreasTable(areas: Record<string, ProfileArea>): string {
  return [
    '| area | queries | query APIs |',
    '|---|---|---|',
    ...Object.entries(areas).map(([a, { queries }]) => `| \`${a}\` | ${queries.length} | ${queries.join(', ')} |`),
  ].join('\n');
}
