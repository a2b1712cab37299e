// The allow list of a differential run (ZSTACK_DIFF_ALLOW): changes a team has looked at and accepts, one entry a
// line, `<API glob> <path glob> <reason...>` (`*` matches any run of characters, `#` starts a comment). An
// allowed change stays in every report with its reason; it no longer fails the diff.
import { readFileSync } from 'node:fs';
import type { Difference } from './difference.ts';

export interface AllowEntry {
  api: string;
  path: string;
  reason: string;
  /** `<file>:<line>`, shown beside each change it allows */
  where: string;
}

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** The entries of an allow list's text; a line without a reason is an Error naming `file` and the line. */
export function parseAllowList(text: string, file: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [api, path, ...reason] = line.split(/\s+/);
    const where = `${file}:${i + 1}`;
    if (!path || reason.length === 0) {
      throw new Error(`${where}: expected "<API glob> <path glob> <reason...>", got "${raw.trim()}" (no reason)`);
    }
    entries.push({ api, path, reason: reason.join(' '), where });
  });
  return entries;
}

export const readAllowList = (file: string): AllowEntry[] => parseAllowList(readFileSync(file, 'utf8'), file);

/** The differences with each change an entry names marked allowed (the first entry that matches gives the reason). */
export function applyAllowList(differences: readonly Difference[], entries: readonly AllowEntry[]): Difference[] {
  const compiled = entries.map((e) => ({ e, api: globToRegExp(e.api), path: globToRegExp(e.path) }));
  return differences.map((d) => {
    if (d.class !== 'change') return d;
    const hit = compiled.find((c) => c.api.test(d.api) && c.path.test(d.path));
    return hit ? { ...d, allowed: { reason: hit.e.reason, entry: hit.e.where } } : d;
  });
}
