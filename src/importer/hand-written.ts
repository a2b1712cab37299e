// An import over a descriptor that is already in contracts/apis keeps what the page cannot say. Every fact of the
// old descriptor that the new one lacks or says otherwise is kept as an entry of the API's override file (made if
// there is none), so this import and every later one keep it and the file says where it came from. What the page
// and the rules themselves say (a parameter's location, type, required-ness, values, since; the method, path,
// reply, ...) is theirs: a change there is reported, never kept. Sources are merged; the texts of hand-written
// doc defects go to the override's docDefects.
import { isDeepStrictEqual } from 'node:util';
import type { ApiDescriptor, DocDefect, ParamSpec } from '../../contracts/index.ts';
import { isGeneratedText } from './examples.ts';
import type { OverrideEntry, OverrideFile } from './overrides.ts';

/**
 * Members the page or the importer's rules decide; absent from the new descriptor, a value the page gave is only not
 * known.
 */
const SAID_BY_PAGE = new Set([
  'name',
  'since',
  'resource',
  'kind',
  'method',
  'path',
  'async',
  'bodyKey',
  'tags',
  'reply',
]);
const PARAM_SAID_BY_PAGE = new Set(['in', 'type', 'required', 'enum', 'maxLength', 'since']);
/** Members whose absence is itself what the page says (no tag rows; an optional parameter, since the API's version). */
const ABSENCE_SAID = new Set(['tags']);
const PARAM_ABSENCE_SAID = new Set(['required', 'since']);

export interface HandWrittenFacts {
  /** override entries that keep a fact of the old descriptor */
  entries: OverrideEntry[];
  /** what the page changes of the old descriptor, one line each */
  pageChanges: string[];
}

const shown = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The override file decides this member, or a part of it, or the member it is part of: an edit there wins over the old
 * descriptor.
 */
const decidedBy = (override: OverrideFile | undefined, path: string): boolean =>
  (override?.set ?? []).some((e) => e.path === path || path.startsWith(`${e.path}/`) || e.path.startsWith(`${path}/`));

export function handWrittenFacts(
  old: ApiDescriptor | undefined,
  built: ApiDescriptor,
  override: OverrideFile | undefined,
): HandWrittenFacts {
  const out: HandWrittenFacts = { entries: [], pageChanges: [] };
  if (!old) return out;
  const file = `contracts/apis/${old.name}.json`;
  const keep = (path: string, value: unknown, now: unknown) =>
    out.entries.push({
      path,
      value,
      reason:
        now === undefined
          ? `kept from the hand-written ${file}: the page does not say it`
          : `kept from the hand-written ${file} over what the importer's rules give (${shown(now)})`,
    });
  const compare = (path: string, was: unknown, now: unknown, saidByPage: boolean, absenceSaid: boolean) => {
    if (isDeepStrictEqual(was, now) || decidedBy(override, path)) return;
    if (saidByPage && (now !== undefined || absenceSaid))
      out.pageChanges.push(`${path}: ${shown(was)} -> ${shown(now)}`);
    else if (was !== undefined) keep(path, was, now);
  };

  const oldTop = old as unknown as Record<string, unknown>;
  const newTop = built as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(oldTop), ...Object.keys(newTop)])) {
    if (key === 'params' || key === 'docDefects') continue;
    if (key === 'sources') {
      const extra = old.sources.filter((s) => !built.sources.includes(s));
      if (extra.length > 0 && !decidedBy(override, '/sources'))
        out.entries.push({
          path: '/sources',
          value: [...built.sources, ...extra],
          reason: `the page's sources, then those of the hand-written ${file}`,
        });
      continue;
    }
    compare(`/${key}`, oldTop[key], newTop[key], SAID_BY_PAGE.has(key), ABSENCE_SAID.has(key));
  }
  for (const name of new Set([...Object.keys(old.params), ...Object.keys(built.params)])) {
    const was = old.params[name] as ParamSpec | undefined;
    const now = built.params[name] as ParamSpec | undefined;
    const path = `/params/${escape(name)}`;
    if (decidedBy(override, path) && (!was || !now)) continue;
    if (!was || !now) {
      if (was) keep(path, was, undefined);
      else out.pageChanges.push(`${path}: (absent) -> ${shown(now)}`);
      continue;
    }
    const w = was as unknown as Record<string, unknown>;
    const n = now as unknown as Record<string, unknown>;
    for (const key of new Set([...Object.keys(w), ...Object.keys(n)]))
      compare(`${path}/${escape(key)}`, w[key], n[key], PARAM_SAID_BY_PAGE.has(key), PARAM_ABSENCE_SAID.has(key));
  }
  return out;
}

/**
 * The old descriptor's doc defect texts a person wrote (not the importer's generated ones) that the new
 * descriptor does not carry word for word: kept in the override's docDefects, which the importer uses for the
 * defects it finds (and names, with a warning, when the page no longer shows one). A text the override already
 * has for that defect wins.
 */
export function handWrittenDefectTexts(
  old: ApiDescriptor | undefined,
  defects: DocDefect[],
  override: OverrideFile | undefined,
): DocDefect[] {
  return (old?.docDefects ?? []).filter(
    (d) =>
      !isGeneratedText(d) &&
      !defects.some((x) => isDeepStrictEqual(x, d)) &&
      !(override?.docDefects ?? []).some((x) => x.id === d.id),
  );
}

/**
 * The override with the kept facts and texts added (an entry at the same path, or a text of the same defect, replaced).
 */
export function withKept(
  override: OverrideFile | undefined,
  api: string,
  entries: OverrideEntry[],
  texts: DocDefect[],
): OverrideFile {
  const set = [...(override?.set ?? []).filter((e) => !entries.some((k) => k.path === e.path)), ...entries];
  const docDefects = [...(override?.docDefects ?? []).filter((d) => !texts.some((t) => t.id === d.id)), ...texts];
  return {
    $comment:
      override?.$comment ??
      `What the doc page of ${api} cannot say: applied by npm run import after the page's facts and the rules (docs/importing.md). docDefects: the texts of the doc defects the importer finds on the page.`,
    ...(set.length > 0 ? { set } : {}),
    ...(docDefects.length > 0 ? { docDefects } : {}),
  };
}
