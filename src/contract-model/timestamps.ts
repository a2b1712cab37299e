// ZStack timestamps are Gson's default text for java.sql.Timestamp, which depends on the server's Java
// (docs/zstack-protocol.md#timestamps): Java 8 `Jan 6, 2017 3:51:16 AM`, Java 9-19 `Jan 6, 2017, 3:51:16 AM`
// (both parsed by the official SDK), Java 20+ with U+202F before AM/PM (breaks the SDK: advisory).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * The three spellings as one pattern, in a syntax both JavaScript and Pact's Rust regex engine read (the U+202F is
 * the character itself, not an escape): the checks parse with it and the pact matchers send it.
 */
export const TIMESTAMP_PATTERN =
  '^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{1,2}), (\\d{4}),? (\\d{1,2}):(\\d{2}):(\\d{2})([ \u202f])(AM|PM)$';
const JAVA_MEDIUM = new RegExp(TIMESTAMP_PATTERN);

export interface ParsedTimestamp {
  /** seconds since an arbitrary local epoch (no zone in the text); comparable between two timestamps of one server */
  seconds: number;
  spelling: 'java8' | 'java9' | 'java20';
}

export function parseZStackTimestamp(text: string): ParsedTimestamp | undefined {
  const m = JAVA_MEDIUM.exec(text);
  if (!m) return undefined;
  const [, mon, d, y, h, mi, s, space, ampm] = m;
  const month = MONTHS.indexOf(mon);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour < 1 || hour > 12 || minute > 59 || second > 59 || day < 1) return undefined;
  const utc = Date.UTC(Number(y), month, day, (hour % 12) + (ampm === 'PM' ? 12 : 0), minute, second);
  if (new Date(utc).getUTCDate() !== day) return undefined; // Feb 30 and the like
  const spelling = space === '\u202f' ? 'java20' : text.includes(`${y},`) ? 'java9' : 'java8';
  return { seconds: utc / 1000, spelling };
}

export const isZStackTimestamp = (text: string): boolean => parseZStackTimestamp(text) !== undefined;
