// A baseline of known failures (ZSTACK_BASELINE=path): each entry names a rule on an API (or a test by its title),
// says why, and may expire. An active entry turns that failure into an expected one; an entry whose failure no
// longer happens is reported so the baseline can shrink; an expired entry no longer applies, so the failure
// fails the gate again. Errors are never baselined: they are the setup's or the suite's to fix.
import { readFileSync } from 'node:fs';

export interface BaselineEntry {
  api?: string;
  rule?: string;
  test?: string;
  reason: string;
  /** YYYY-MM-DD: the entry applies up to and including this day (UTC) */
  expires?: string;
}

export interface Baseline {
  file: string;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

export function parseBaseline(text: string, file: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new BaselineError(`${file}: expected {"entries": [...]} or a list of entries`);
  const entries = list.map((e: unknown, i): BaselineEntry => {
    const at = `${file}: entry ${i + 1}`;
    if (typeof e !== 'object' || e === null) throw new BaselineError(`${at}: expected an object`);
    const x = e as Record<string, unknown>;
    for (const k of Object.keys(x))
      if (!['api', 'rule', 'test', 'reason', 'expires'].includes(k))
        throw new BaselineError(`${at}: unknown field "${k}"`);
    const str = (k: string): string | undefined => {
      if (x[k] === undefined) return undefined;
      if (typeof x[k] !== 'string' || (x[k] as string).trim() === '')
        throw new BaselineError(`${at}: "${k}" must be a non-empty string`);
      return (x[k] as string).trim();
    };
    const entry = {
      api: str('api'),
      rule: str('rule'),
      test: str('test'),
      reason: str('reason'),
      expires: str('expires'),
    };
    if (!entry.reason) throw new BaselineError(`${at}: "reason" is required (why is this failure accepted?)`);
    if (!entry.test && !(entry.api && entry.rule))
      throw new BaselineError(`${at}: name a rule on an API ("api" and "rule") or a test ("test")`);
    if (
      entry.expires !== undefined &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(entry.expires) || Number.isNaN(Date.parse(`${entry.expires}T00:00:00Z`)))
    ) {
      throw new BaselineError(`${at}: "expires" must be a date YYYY-MM-DD, got "${entry.expires}"`);
    }
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as unknown as BaselineEntry;
  });
  return { file, entries };
}

export function loadBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new BaselineError(`ZSTACK_BASELINE: cannot read ${file}`);
  }
  return parseBaseline(text, file);
}

/** Expired when the run's day (UTC) is after the entry's last day. */
export const isExpired = (e: BaselineEntry, now: Date): boolean =>
  e.expires !== undefined && now.toISOString().slice(0, 10) > e.expires;

export const describeEntry = (e: BaselineEntry): string => (e.test ? `test "${e.test}"` : `${e.rule} on ${e.api}`);
