// Timestamps as a query compares them (docs/zstack-protocol.md#value-typing): a reply shows a row's createDate in
// Java's medium format, a condition names an instant as a MySQL datetime literal, both in the server's local time.
// Both are read here as wall-clock seconds (the local date and time taken as if UTC), so the comparison never
// depends on the suite's or the server's time zone. Written from the protocol's description.

/** Wall-clock seconds of a local date and time (no zone). */
export type WallSeconds = number;

/** MariaDB's zero date: what a value that is not a datetime literal becomes; below every real instant. */
export const ZERO_DATE: WallSeconds = Number.NEGATIVE_INFINITY;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

function wall(y: number, mo: number, d: number, h: number, mi: number, s: number): WallSeconds | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  // Feb 30 and the like roll over in Date.UTC: not a date
  return new Date(t).getUTCDate() === d ? t / 1000 : undefined;
}

/**
 * A reply's timestamp: `Jan 6, 2017 3:51:16 AM` (Java 8) or `Jan 6, 2017, 3:51:16 AM` (Java 9+, also with U+202F
 * before AM/PM); undefined for any other text.
 */
export function replyTimestamp(text: string): WallSeconds | undefined {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})[ \u202f](AM|PM)$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]) + 1;
  const h12 = Number(m[4]);
  if (month === 0 || h12 < 1 || h12 > 12) return undefined;
  const hour = (h12 % 12) + (m[7] === 'PM' ? 12 : 0);
  return wall(Number(m[3]), month, Number(m[2]), hour, Number(m[5]), Number(m[6]));
}

/**
 * A condition's value as MariaDB converts it for a datetime column: the spellings `2024-05-03 10:00:00`,
 * `2024-05-03` (midnight), `2024-05-03T10:00:00` and `20240503100000` (two-digit fields, as the suite writes them);
 * anything else (the API's display format, an epoch number, words, an impossible date) is the zero date. MariaDB
 * reads more spellings than these; the generators write only these and text that is plainly not a date.
 */
export function literalTimestamp(value: string): WallSeconds {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return ZERO_DATE;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return wall(y, mo, d, h, mi, s) ?? ZERO_DATE;
}

/** The spellings of a datetime literal the suite writes. */
export type LiteralSpelling = 'space' | 'date' | 'T' | 'digits';

/** A wall-clock instant written as a MySQL datetime literal (`date`: the day only, i.e. its midnight). */
export function literalText(t: WallSeconds, spelling: LiteralSpelling): string {
  const d = new Date(t * 1000);
  const date = [d.getUTCFullYear(), pad2(d.getUTCMonth() + 1), pad2(d.getUTCDate())];
  const time = [pad2(d.getUTCHours()), pad2(d.getUTCMinutes()), pad2(d.getUTCSeconds())];
  switch (spelling) {
    case 'space':
      return `${date.join('-')} ${time.join(':')}`;
    case 'date':
      return date.join('-');
    case 'T':
      return `${date.join('-')}T${time.join(':')}`;
    case 'digits':
      return date.join('') + time.join('');
  }
}

/** The text `~=` on a timestamp matches: `YYYY-MM-DD HH:MM:SS`. */
export const likeText = (t: WallSeconds): string => literalText(t, 'space');
