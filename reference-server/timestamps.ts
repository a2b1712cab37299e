// Java medium-format timestamps as Gson writes java.sql.Timestamp (docs/zstack-protocol.md#timestamps):
// java8 `Jan 6, 2017 3:51:16 AM`, java9 `Jan 6, 2017, 3:51:16 AM`; also Java 20+ (U+202F) and ISO-8601 for the fault
// layer.
// Server local time, one-second resolution. Internally every timestamp is epoch milliseconds.

export type TimestampStyle = 'java8' | 'java9' | 'java20' | 'iso';

export const TIMESTAMP_FIELDS: ReadonlySet<string> = new Set(['createDate', 'lastOpDate', 'expiredDate']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** An instant (epoch ms) truncated to whole seconds (the database's resolution). */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

export function formatTimestamp(ms: number, style: TimestampStyle): string {
  const d = new Date(ms);
  if (style === 'iso') return d.toISOString();
  const h = d.getHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const ampm = h < 12 ? 'AM' : 'PM';
  const day = `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
  const time = `${h12}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  if (style === 'java8') return `${day} ${time} ${ampm}`;
  if (style === 'java9') return `${day}, ${time} ${ampm}`;
  return `${day}, ${time}\u202f${ampm}`;
}

/** MySQL text of a datetime in local time: `YYYY-MM-DD HH:MM:SS` (what `~=` on a timestamp matches). */
export function sqlDateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/**
 * A MySQL datetime literal in local time (`2024-05-03 10:00:00`, `2024-05-03`, `2024-05-03T10:00:00`,
 * `20240503100000`) as epoch ms; anything else is MariaDB's zero date, returned as -Infinity
 * (so `>` and `!=` match every row, `<` and `=` none: docs/zstack-protocol.md#value-typing).
 */
export function parseSqlDate(text: string): number {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2}):(\d{1,2}))?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(text);
  if (!m) return -Infinity;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return -Infinity;
  return new Date(y, mo - 1, d, h, mi, s).getTime();
}
