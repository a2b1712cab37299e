// The repository stands on its own: every citation of the protocol reference names a section that exists,
// no file points outside the repository, every relative link in the docs resolves, and the README stays short.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { loadContracts } from '../../contracts/index.ts';
import { ALL_CHECKS } from '../../src/checks/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PROTOCOL = 'docs/zstack-protocol.md';
const README_MAX_LINES = 200;

/** The repository's files: git's list (tracked and new, not ignored), or a walk of the tree without git. */
function repositoryFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return [...new Set(out.split('\0').filter(Boolean))].filter(
      (f) => existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile(),
    );
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir)).flatMap((n) => {
        if (['node_modules', 'reports', '.git'].includes(n)) return [];
        const p = dir ? `${dir}/${n}` : n;
        return statSync(join(ROOT, p)).isDirectory() ? walk(p) : [p];
      });
    return walk('');
  }
}

const FILES = repositoryFiles();
const text = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const TEXT_FILES = FILES.filter((f) => !text(f).includes('\0'));

/** GitHub's heading anchors of a Markdown file (fenced code skipped; a repeated slug gets -1, -2, ...). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test('the protocol reference has the sections the suite cites', () => {
  const sections = anchors(text(PROTOCOL));
  const cited: string[] = [];
  for (const file of TEXT_FILES) {
    for (const m of text(file).matchAll(/docs\/zstack-protocol\.md#([\p{L}\p{N}_-]+)/gu)) {
      cited.push(m[1]);
      expect(sections.has(m[1]), `${file} cites ${PROTOCOL}#${m[1]}, which is not a section`).toBe(true);
    }
  }
  expect(cited.length, 'nothing cites the protocol reference').toBeGreaterThan(50);
});

test('every check and every recorded doc defect cites a section of the protocol reference', () => {
  for (const c of ALL_CHECKS) expect(c.source, `check ${c.name}`).toMatch(/docs\/zstack-protocol\.md#/);
  // the hand-written descriptors as merged over their SDK facts (an overlay need not repeat a source the SDK's has)
  const merged = loadContracts().apis;
  for (const file of FILES.filter((f) => /^contracts\/apis\/.+\.json$/.test(f))) {
    const api = merged.get(file.replace(/^contracts\/apis\/(.+)\.json$/, '$1'));
    expect(api, `${file} is loaded`).toBeDefined();
    if (!api) continue;
    expect(
      (api.sources ?? []).some((s) => s.includes(`${PROTOCOL}#`)),
      `${file} sources`,
    ).toBe(true);
    for (const d of api.docDefects ?? [])
      expect(d.source, `${file} doc defect ${d.id}`).toMatch(/docs\/zstack-protocol\.md#/);
  }
});

// Built from pieces so that this file does not match its own patterns.
const CITE = 'cites what a user of the repository does not have (cite docs/zstack-protocol.md#<section>)';
const OUTSIDE: Array<[RegExp, string]> = [
  [new RegExp(['\\.\\.', 'shared'].join('/')), 'a path beside the repository'],
  [new RegExp(['', 'work', ''].join('/')), 'an absolute path of the build machine'],
  [new RegExp(['', '(home|Users)', '[A-Za-z0-9_.-]+'].join('/')), 'an absolute home path'],
  [new RegExp(['zstack', 'rest', 'notes'].join('-')), CITE],
  [new RegExp(['\\bthe', 'notes\\b'].join(' '), 'i'), CITE],
  [new RegExp(['\\(', 'notes'].join(''), 'i'), CITE],
  [new RegExp(['\\bnotes', ':'].join(''), 'i'), CITE],
  [new RegExp(['\\bissue', '#?\\d+'].join('\\s*'), 'i'), CITE],
  [new RegExp(['\\bissue', ''].join(':'), 'i'), CITE],
];

test('no file names a path outside the repository or cites what a user of it does not have', () => {
  const found: string[] = [];
  for (const file of TEXT_FILES) {
    text(file)
      .split('\n')
      .forEach((line, i) => {
        for (const [re, what] of OUTSIDE)
          if (re.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
      });
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('every relative link in the README and docs/ resolves, anchors included', () => {
  const pages = FILES.filter((f) => f === 'README.md' || /^docs\/[^/]+\.md$/.test(f));
  expect(pages).toContain(PROTOCOL);
  const broken: string[] = [];
  let links = 0;
  for (const page of pages) {
    for (const m of text(page).matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = m[1];
      if (/^[a-z]+:/i.test(link)) continue; // http(s), mailto
      links++;
      const [path, anchor] = link.split('#', 2) as [string, string | undefined];
      const target = path ? normalize(relative(ROOT, resolve(ROOT, dirname(page), path))) : page;
      if (target.startsWith('..') || !existsSync(join(ROOT, target))) {
        broken.push(`${page}: ${link} (no such file)`);
        continue;
      }
      if (anchor !== undefined && target.endsWith('.md') && !anchors(text(target)).has(anchor))
        broken.push(`${page}: ${link} (no such section)`);
    }
  }
  expect(broken, broken.join('\n')).toEqual([]);
  expect(links).toBeGreaterThan(10);
});

test(`the README has at most ${README_MAX_LINES} lines`, () => {
  const lines = text('README.md').split('\n').length - (text('README.md').endsWith('\n') ? 1 : 0);
  expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
});
