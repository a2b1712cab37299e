// The house rules `npm run lint` enforces can fail: a file Prettier would reformat, an over-long line of code or
// comment, and an unexplained `any` are each reported with the file and the line, through the project's own
// configurations (.prettierrc.json, eslint.config.js). The files are written to a temporary folder inside the tree, so
// the project's configuration applies to them, and removed again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const ROOT = resolve(import.meta.dirname, '../..');

function withTempSource<T>(name: string, text: string, body: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(ROOT, 'tests', '.house-rules-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return body(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function lintMessages(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintFiles([relative(ROOT, file)]);
  return result.messages.map((m) => `${m.line}: ${m.ruleId ?? 'parse'}`);
}

test('a well-formed source passes both Prettier and ESLint', async () => {
  const text = 'export const answer = (n: number): number => n + 1;\n';
  await withTempSource('ok.ts', text, async (file) => {
    const options = await prettier.resolveConfig(file);
    expect(await prettier.check(text, { ...options, filepath: file })).toBe(true);
    expect(await lintMessages(file)).toEqual([]);
  });
});

test('a file Prettier would reformat is reported', async () => {
  const text = 'export const answer = ( n:number ) : number=>n+1\n';
  await withTempSource('misformatted.ts', text, async (file) => {
    const options = await prettier.resolveConfig(file);
    expect(options?.printWidth).toBe(120);
    expect(await prettier.check(text, { ...options, filepath: file })).toBe(false);
  });
});

test('a line of code or comment over 120 columns fails the linter with its line; a long string does not', async () => {
  const longName = 'x'.repeat(110);
  const text = [
    `export const ${longName} = 1 + 2 + 3;`,
    `// ${'a comment that runs on '.repeat(6)}`,
    `export const message = '${'a rule sentence kept whole '.repeat(6)}';`,
    '',
  ].join('\n');
  await withTempSource('long.ts', text, async (file) => {
    expect(await lintMessages(file)).toEqual(['1: max-len', '2: max-len']);
  });
});

test('an unexplained any fails the linter', async () => {
  await withTempSource('any.ts', 'export const parse = (t: string): any => JSON.parse(t);\n', async (file) => {
    expect(await lintMessages(file)).toEqual(['1: @typescript-eslint/no-explicit-any']);
  });
});
