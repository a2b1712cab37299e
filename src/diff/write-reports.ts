// Writes a differential run's reports into a folder: diff.json for tools and diff.html for readers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Difference } from './difference.ts';
import { renderDiffHtml } from './render-html.ts';
import { jsonReport } from './render.ts';

export function writeDiffReports(
  dir: string,
  differences: readonly Difference[],
  sides: { a: string; b: string },
): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'diff.json');
  const html = join(dir, 'diff.html');
  writeFileSync(json, `${JSON.stringify(jsonReport(differences, sides), null, 2)}\n`);
  writeFileSync(html, renderDiffHtml(differences, sides));
  return { json, html };
}
