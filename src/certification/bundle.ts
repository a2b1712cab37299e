// The results bundle: a folder whose every file is listed with its SHA-256 in manifest.json, and manifest.json's
// own hash in manifest.sha256, so one changed, added or removed byte anywhere is found by verifyBundle. This is
// integrity, not authenticity: whoever can rewrite the folder can rewrite the hashes too; sign manifest.sha256
// with your own key when the bundle must prove who produced it (docs/certification.md).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MANIFEST = 'manifest.json';
export const MANIFEST_HASH = 'manifest.sha256';

export interface Manifest {
  format: 'zstack-conformance-bundle/1';
  algorithm: 'sha256';
  files: Record<string, string>;
}

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Writes manifest.json (every other file's SHA-256) and manifest.sha256. */
export function seal(dir: string): Manifest {
  const files: Record<string, string> = {};
  for (const f of listFiles(dir))
    if (f !== MANIFEST && f !== MANIFEST_HASH) files[f] = sha256(readFileSync(join(dir, f)));
  const manifest: Manifest = { format: 'zstack-conformance-bundle/1', algorithm: 'sha256', files };
  const text = JSON.stringify(manifest, null, 2) + '\n';
  writeFileSync(join(dir, MANIFEST), text);
  writeFileSync(join(dir, MANIFEST_HASH), `${sha256(text)}  ${MANIFEST}\n`);
  return manifest;
}

/** Every integrity problem of a bundle; empty = intact. */
export function verifyBundle(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [`${dir} is not a folder`];
  const problems: string[] = [];
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch {
    return [`${MANIFEST} is missing`];
  }
  const recorded = (() => {
    try {
      return /^([0-9a-f]{64})\s/.exec(readFileSync(join(dir, MANIFEST_HASH), 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  if (!recorded) problems.push(`${MANIFEST_HASH} is missing or unreadable`);
  else if (recorded !== sha256(text))
    problems.push(`${MANIFEST} was changed (its SHA-256 differs from ${MANIFEST_HASH})`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return [...problems, `${MANIFEST} is not JSON`];
  }
  const files = manifest.files ?? {};
  const present = new Set(listFiles(dir).filter((f) => f !== MANIFEST && f !== MANIFEST_HASH));
  for (const [f, hash] of Object.entries(files)) {
    if (!present.has(f)) problems.push(`${f} is listed but missing`);
    else if (sha256(readFileSync(join(dir, f))) !== hash)
      problems.push(`${f} was changed (SHA-256 differs from the manifest)`);
    present.delete(f);
  }
  for (const f of present) problems.push(`${f} is not in the manifest (added after sealing)`);
  return problems;
}
