// What a page cannot say and no rule decides, per API (contracts/overrides/<Api>.json) and per inventory schema
// (contracts/overrides/schemas/<Schema>.json): values set at JSON pointers, each with its reason, and the texts
// of the API's doc defects. Re-importing a page keeps them, because the importer applies them every time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocDefect } from '../../contracts/index.ts';

export interface OverrideEntry {
  path: string;
  value: unknown;
  reason: string;
}
export interface OverrideFile {
  $comment?: string;
  set?: OverrideEntry[];
  docDefects?: DocDefect[];
}

export class OverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverrideError';
  }
}

export function readOverride(contractsDir: string, relative: string): OverrideFile | undefined {
  const file = join(contractsDir, 'overrides', relative);
  if (!existsSync(file)) return undefined;
  let parsed: OverrideFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as OverrideFile;
  } catch (e) {
    throw new OverrideError(
      `contracts/overrides/${relative}: not JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  for (const [i, entry] of (parsed.set ?? []).entries()) {
    if (
      typeof entry.path !== 'string' ||
      !entry.path.startsWith('/') ||
      entry.value === undefined ||
      typeof entry.reason !== 'string' ||
      entry.reason.trim() === ''
    ) {
      throw new OverrideError(
        `contracts/overrides/${relative}: set[${i}] needs a JSON pointer "path", a "value" and a non-empty "reason"`,
      );
    }
  }
  for (const [i, d] of (parsed.docDefects ?? []).entries()) {
    if (!d.id || !d.says || !d.actually || !d.source)
      throw new OverrideError(`contracts/overrides/${relative}: docDefects[${i}] needs id, says, actually and source`);
  }
  return parsed;
}

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Sets each entry's value at its JSON pointer, creating objects on the way; an existing member keeps its place. */
export function applyOverrides(target: Record<string, unknown>, entries: OverrideEntry[], where: string): void {
  for (const e of entries) {
    const parts = e.path.split('/').slice(1).map(unescape);
    let node: Record<string, unknown> = target;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === undefined) node[part] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next))
        throw new OverrideError(`${where}: ${e.path} goes through ${part}, which is not an object`);
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = structuredClone(e.value);
  }
}
