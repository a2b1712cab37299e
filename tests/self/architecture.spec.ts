// The dependency rules that keep the design visible, checked on the source. The layers, bottom up:
//   contracts/index.ts  the contracts as typed data (the reference server's only way into this project)
//   src/exchange        what was sent and received (Exchange, Observation, JSON helpers): no behaviour of ours
//   src/checks          pure rules over observations: no client, no redaction, no I/O, so they judge recorded
//                       documents exactly as live traffic
//   src/reporting       curl lines, transcripts, redaction, failure blocks: never the client
//   src/client          talks to the target; it imports redaction (src/reporting/redact.ts) only, because it
//                       registers the secrets it learns and redacts its own error messages
//   src/observe, src/resources  observe() and the ResourceKit, on top of the client: for scenarios,
//                       properties and pacts, never for the layers below
//   src/scenarios       the conformance scenarios: used by tests, fixtures and scripts only
//   src/sdk             reads the official SDK's Java into the fact index: Node and java-parser only, so it
//                       depends on nothing the suite judges with
// The reference server reads the contracts and nothing else of ours, so a mistake cannot hide in both it and
// the checks.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    if (n === 'node_modules' || n.startsWith('.')) return [];
    const p = dir === '.' ? n : join(dir, n);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Static imports and re-exports (type-only or not), side-effect imports and dynamic import('…') of a source text. */
function importsIn(text: string): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
    const names = /^\{([^}]*)\}$/
      .exec(m[3].trim())?.[1]
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    out.push({
      spec: m[4],
      typeOnly:
        m[2] !== undefined || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type '))),
    });
  }
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

/** The specifiers a source file imports. */
const imports = (file: string): string[] => importsIn(readFileSync(join(ROOT, file), 'utf8')).map((i) => i.spec);

/** What an import names: a repository path for relative imports, the specifier itself otherwise. */
const resolved = (file: string, spec: string): string =>
  spec.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', spec)) : spec;

/** Every import of the files under `dirs` that `allowed` refuses, as "file imports spec". */
function broken(dirs: string[], allowed: (to: string, imp: Import, file: string) => boolean): string[] {
  const files = dirs.flatMap(sources);
  expect(files.length, `no sources under ${dirs.join(', ')}: the rule would hold vacuously`).toBeGreaterThan(0);
  return files.flatMap((file) =>
    importsIn(readFileSync(join(ROOT, file), 'utf8'))
      .filter((imp) => !allowed(resolved(file, imp.spec), imp, file))
      .map((imp) => `${file} imports ${imp.spec}${imp.typeOnly ? ' (type)' : ''}`),
  );
}

const under =
  (dir: string) =>
  (to: string): boolean =>
    to.startsWith(`${dir}/`);

test('the import reader sees every form of import the rules depend on', () => {
  const found = importsIn(
    [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "import { type C, type D } from './c.ts';",
      "import {\n  e,\n  type F,\n} from './e.ts';",
      "export * from './g.ts';",
      'export { h } from "./h.ts";',
      "import './side-effect.ts';",
      "const m = await import('./lazy.ts');",
    ].join('\n'),
  );
  expect(found).toEqual([
    { spec: './a.ts', typeOnly: false },
    { spec: '../b.ts', typeOnly: true },
    { spec: './c.ts', typeOnly: true },
    { spec: './e.ts', typeOnly: false },
    { spec: './g.ts', typeOnly: false },
    { spec: './h.ts', typeOnly: false },
    { spec: './side-effect.ts', typeOnly: false },
    { spec: './lazy.ts', typeOnly: false },
  ]);
});

test('the reference server imports only contracts/index.ts and Node built-ins', () => {
  expect(
    broken(
      ['reference-server'],
      (to) => to.startsWith('node:') || under('reference-server')(to) || to === 'contracts/index.ts',
    ),
  ).toEqual([]);
});

test('src/exchange imports nothing of ours but types from contracts/index.ts', () => {
  expect(
    broken(['src/exchange'], (to, imp) => under('src/exchange')(to) || (to === 'contracts/index.ts' && imp.typeOnly)),
  ).toEqual([]);
});

test('the checks import only checks, the exchange model, the contracts and their Java text, timestamp and schema helpers', () => {
  const helpers = [
    'src/contracts/schemas.ts',
    'src/contracts/timestamps.ts',
    'src/contracts/java-text.ts',
    'contracts/index.ts',
  ];
  expect(
    broken(['src/checks'], (to) => under('src/checks')(to) || under('src/exchange')(to) || helpers.includes(to)),
  ).toEqual([]);
});

test('src/reporting imports only reporting, the exchange model and check types: never the client', () => {
  expect(
    broken(
      ['src/reporting'],
      (to, imp) => under('src/reporting')(to) || under('src/exchange')(to) || (under('src/checks')(to) && imp.typeOnly),
    ),
  ).toEqual([]);
});

test('the client imports redaction and no other reporting, never checks, observe, resources, scenarios, properties or pact', () => {
  const ours = (to: string) => to.startsWith('src/') || to.startsWith('contracts/');
  expect(
    broken(
      ['src/client'],
      (to) =>
        !ours(to) ||
        under('src/client')(to) ||
        under('src/exchange')(to) ||
        to === 'src/reporting/redact.ts' ||
        to === 'src/config.ts' ||
        to === 'contracts/index.ts',
    ),
  ).toEqual([]);
});

test('src/observe and src/resources are not imported by checks, the exchange model, reporting or the client', () => {
  expect(
    broken(
      ['src/checks', 'src/exchange', 'src/reporting', 'src/client'],
      (to) => !under('src/observe')(to) && !under('src/resources')(to),
    ),
  ).toEqual([]);
});

test('nothing imports src/scenarios but the scenarios themselves, tests, fixtures and scripts', () => {
  const importers = ['src', 'reference-server', 'contracts'];
  expect(
    broken(importers, (to, _imp, file) => !under('src/scenarios')(to) || file.startsWith('src/scenarios/')),
  ).toEqual([]);
  const config = imports('playwright.config.ts').map((spec) => resolved('playwright.config.ts', spec));
  expect(config.filter(under('src/scenarios'))).toEqual([]);
});

test('src/sdk imports only itself, Node built-ins and java-parser', () => {
  expect(broken(['src/sdk'], (to) => under('src/sdk')(to) || to.startsWith('node:') || to === 'java-parser')).toEqual(
    [],
  );
});

test('every check file is registered', () => {
  const registry = readFileSync(join(ROOT, 'src/checks/index.ts'), 'utf8');
  // src/checks/support/ holds what several checks share; every other file in src/checks is one check
  for (const file of sources('src/checks').filter((f) => !f.startsWith('src/checks/support/'))) {
    const name = file.split('/').pop()!.replace(/\.ts$/, '');
    if (['index', 'types'].includes(name)) continue;
    expect(registry, `src/checks/${name}.ts is not in ALL_CHECKS`).toContain(`import { ${name} } from './${name}.ts';`);
  }
});

// The reference server's fault modes are a layer (reference-server/faults/, one unit per fault) that hooks
// the honest code through reference-server/hooks.ts; the honest code path names no fault.
const FAULT_LAYER = ['reference-server/faults/', 'reference-server/faults.ts'];
const honestServerSources = () => sources('reference-server').filter((f) => !FAULT_LAYER.some((p) => f.startsWith(p)));

test('the honest reference server names no fault mode and asks no fault switch', async () => {
  const { FAULTS } = await import('../../reference-server/faults.ts');
  for (const file of honestServerSources()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text, `${file} asks a fault switch`).not.toMatch(/\.fault\s*\(/);
    for (const name of Object.keys(FAULTS)) expect(text.includes(name), `${file} names the fault ${name}`).toBe(false);
  }
});

test('only server.ts installs the fault layer; every fault unit is registered under its file name', async () => {
  for (const file of honestServerSources()) {
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      if (!FAULT_LAYER.some((p) => target.startsWith(p))) continue;
      expect(
        file === 'reference-server/server.ts' || file === 'reference-server/main.ts',
        `${file} imports ${spec}`,
      ).toBe(true);
    }
  }
  const { FAULT_UNITS } = await import('../../reference-server/faults/index.ts');
  const helpers = new Set(['index', 'types', 'state-events']);
  const files = sources('reference-server/faults')
    .map((f) => f.split('/').pop()!.replace(/\.ts$/, ''))
    .filter((n) => !helpers.has(n));
  expect(files.sort()).toEqual(FAULT_UNITS.map((u) => u.name).sort());
});
