// All files of one import land together or not at all: each is written beside its target under a temporary
// name, and only when every one is written are they renamed into place (a rename within a directory is atomic).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PlannedFile {
  path: string;
  text: string;
}

export function writeAllOrNothing(files: PlannedFile[]): void {
  const temps: Array<{ temp: string; path: string }> = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const temp = `${f.path}.import-${process.pid}.tmp`;
      writeFileSync(temp, f.text);
      temps.push({ temp, path: f.path });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.temp, t.path);
}
