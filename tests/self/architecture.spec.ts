// The dependency rules are dependency-cruiser's (.dependency-cruiser.cjs; the layers in docs/architecture.md).
// Here: the real tree obeys them; each rule fails on an import planted to break it (and only that rule), while
// imports the layering allows pass; a cycle fails; the picture in docs/architecture.md is the one the code
// draws. Then what an import rule cannot say: every check is registered, the honest server names no fault.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

/** A module as the lines below name it: a package by its name, a Node built-in without `node:`. */
const named = (module: string): string =>
  module.replace(/^(\.\.\/)*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$2').replace(/^node:/, '');

/** The rule violations of the tree at `baseDir`, as "rule: from → to" (a cycle: its whole path). */
async function violations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(['.'], { ...options, baseDir });
  const line = (v: IViolation) =>
    `${v.rule.name}: ${v.cycle ? [v.from, ...v.cycle.map((s) => s.name)].join(' → ') : `${v.from} → ${named(v.to)}`}`;
  return (output as ICruiseResult).summary.violations.map(line).sort();
}

/** One import: `from` imports `to` (a repository path, or a package / Node built-in as written). */
interface Planted {
  from: string;
  to: string;
  typeOnly?: boolean;
}

/** For each rule, an import that breaks it and nothing else. */
const BREAKS: Record<string, Planted> = {
  'contracts-stand-alone': { from: 'contracts/planted.ts', to: 'src/config.ts' },
  'reference-server-reads-contracts-only': { from: 'reference-server/planted.ts', to: 'src/exchange/json.ts' },
  'fault-layer-installed-by-server-only': {
    from: 'reference-server/handler.ts',
    to: 'reference-server/faults/index.ts',
  },
  'configuration-reads-only-the-environment': { from: 'src/config.ts', to: 'src/client/transport.ts', typeOnly: true },
  'exchange-is-plain-data': { from: 'src/exchange/planted.ts', to: 'src/client/transport.ts' },
  'exchange-takes-only-types-from-contracts': { from: 'src/exchange/loads.ts', to: 'contracts/index.ts' },
  'contract-helpers-read-contracts-only': { from: 'src/contract-model/planted.ts', to: 'src/checks/index.ts' },
  'query-oracle-is-independent': { from: 'src/query-oracle/planted.ts', to: 'reference-server/query.ts' },
  'checks-are-pure': { from: 'src/checks/planted.ts', to: 'node:fs' },
  'checks-used-through-their-registry': { from: 'src/scenarios/planted.ts', to: 'src/checks/support.ts' },
  'generators-draw-from-contracts-only': {
    from: 'src/generators/planted.ts',
    to: 'src/client/zstack-client.ts',
    typeOnly: true,
  },
  'reporting-never-the-client': { from: 'src/reporting/planted.ts', to: 'src/client/transport.ts' },
  'reporting-takes-only-types-from-checks': { from: 'src/reporting/runs-checks.ts', to: 'src/checks/index.ts' },
  'client-uses-redaction-only': { from: 'src/client/planted.ts', to: 'src/reporting/transcript.ts' },
  'safety-guards-sit-on-the-client': { from: 'src/safety/planted.ts', to: 'src/resources/ledger.ts' },
  'resources-and-observe-below-the-tests': { from: 'src/resources/planted.ts', to: 'src/suite.ts', typeOnly: true },
  'suite-composes-the-layers-below': { from: 'src/suite.ts', to: 'src/observe/observe.ts' },
  'scenarios-properties-pacts-stay-apart': { from: 'src/scenarios/coverage.ts', to: 'src/pact/interactions.ts' },
  'certification-on-top': { from: 'src/properties/planted.ts', to: 'src/certification/judge.ts', typeOnly: true },
  'scenarios-used-by-tests-fixtures-scripts-only': {
    from: 'src/certification/planted.ts',
    to: 'src/scenarios/index.ts',
  },
  'tools-read-contracts-only': { from: 'src/importer/planted.ts', to: 'src/client/transport.ts' },
  'diff-compares-recordings-only': { from: 'src/diff/planted.ts', to: 'src/client/transport.ts' },
  'sdk-reader-stands-alone': { from: 'src/sdk/planted.ts', to: 'ajv' },
  'product-never-imports-its-tests': { from: 'src/certification/uses-fixtures.ts', to: 'fixtures/test.ts' },
};

/** Imports the layering allows: planted beside the breaking ones, they must trip nothing. */
const ALLOWED: Planted[] = [
  { from: 'reference-server/server.ts', to: 'reference-server/faults/index.ts' },
  { from: 'reference-server/handler.ts', to: 'contracts/index.ts' },
  { from: 'reference-server/handler.ts', to: 'node:http' },
  { from: 'src/exchange/json.ts', to: 'contracts/index.ts', typeOnly: true },
  { from: 'src/checks/support.ts', to: 'src/contract-model/java-text.ts' },
  { from: 'src/reporting/failures.ts', to: 'src/checks/index.ts', typeOnly: true },
  { from: 'src/client/transport.ts', to: 'src/reporting/redact.ts' },
  { from: 'src/client/transport.ts', to: 'src/safety-settings.ts', typeOnly: true },
  { from: 'src/safety/read-only.ts', to: 'src/client/zstack-client.ts', typeOnly: true },
  { from: 'src/properties/core.ts', to: 'src/suite.ts' },
  { from: 'src/certification/judge.ts', to: 'src/pact/interactions.ts' },
  { from: 'src/sdk/java-cst.ts', to: 'java-parser' },
  { from: 'src/diff/compare.ts', to: 'src/recording/recording.ts', typeOnly: true },
  { from: 'fixtures/test.ts', to: 'src/scenarios/index.ts' },
  { from: 'tests/self/planted.spec.ts', to: 'src/checks/support.ts' },
];

/** The specifier `from` writes for `to`. */
function specifier({ from, to }: Planted): string {
  if (!/\.[a-z]+$/.test(to)) return to; // a package or a Node built-in
  const rel = relative(dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * A tree under the repository (so packages resolve from its node_modules) holding the planted imports;
 * every module an import names exists, empty unless it imports something itself.
 */
function plantTree(imports: Planted[]): string {
  const dir = mkdtempSync(join(ROOT, '.architecture-test-'));
  const texts = new Map<string, string[]>();
  for (const p of imports) {
    const line = `import${p.typeOnly ? ' type' : ''} { planted } from '${specifier(p)}';`;
    texts.set(p.from, [...(texts.get(p.from) ?? []), line]);
    if (/\.[a-z]+$/.test(p.to) && !texts.has(p.to)) texts.set(p.to, []);
  }
  for (const [file, lines] of texts) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    writeFileSync(join(dir, file), [...lines, 'export const planted = 1;', ''].join('\n'));
  }
  return dir;
}

test('the real tree obeys every dependency rule', async () => {
  expect(await violations(ROOT)).toEqual([]);
});

test.describe('each dependency rule fails on an import that breaks it', () => {
  let found: string[] = [];
  test.beforeAll(async () => {
    const dir = plantTree([...Object.values(BREAKS), ...ALLOWED]);
    try {
      found = await violations(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every rule of .dependency-cruiser.cjs but no-circular has its planted import here', async () => {
    const options = await extractDepcruiseOptions(CONFIG);
    const names = (options.ruleSet?.forbidden ?? []).map((r) => r.name).filter((n) => n !== 'no-circular');
    expect(names.sort()).toEqual(Object.keys(BREAKS).sort());
  });

  for (const [rule, planted] of Object.entries(BREAKS)) {
    test(rule, () => {
      expect(found).toContain(`${rule}: ${planted.from} → ${named(planted.to)}`);
    });
  }

  test('the allowed imports trip nothing and each planted one trips its own rule only', () => {
    const expected = Object.entries(BREAKS).map(([rule, p]) => `${rule}: ${p.from} → ${named(p.to)}`);
    expect(found).toEqual(expected.sort());
  });
});

test('no-circular fails on an import cycle, type-only or not (one line per cycle)', async () => {
  const dir = plantTree([
    { from: 'src/exchange/a.ts', to: 'src/exchange/b.ts' },
    { from: 'src/exchange/b.ts', to: 'src/exchange/a.ts', typeOnly: true },
  ]);
  try {
    expect(await violations(dir)).toEqual(['no-circular: src/exchange/a.ts → src/exchange/b.ts → src/exchange/a.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run lint prints one line per violation and fails', () => {
  const dir = plantTree([
    BREAKS['checks-are-pure'],
    { from: 'src/exchange/a.ts', to: 'src/exchange/b.ts' },
    { from: 'src/exchange/b.ts', to: 'src/exchange/a.ts' },
  ]);
  try {
    // the dependency-cruiser step of the lint script, run from the planted tree with the repository's files
    const lint = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.lint as string;
    const step = lint
      .slice(lint.indexOf('depcruise '))
      .replace('.dependency-cruiser.cjs', join(ROOT, '.dependency-cruiser.cjs'))
      .replace('$PWD', ROOT);
    const run = spawnSync('sh', ['-c', `npx ${step}`], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').sort()).toEqual([
      'error checks-are-pure: src/checks/planted.ts → fs',
      'error no-circular: src/exchange/a.ts → src/exchange/b.ts → src/exchange/a.ts',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('docs/architecture.md holds the picture the code draws now, and a stale one fails', () => {
  const check = (doc?: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/architecture-picture.ts', '--check', ...(doc ? ['--doc', doc] : [])],
      { cwd: ROOT, encoding: 'utf8' },
    );
  const fresh = check();
  expect(fresh.stderr).toBe('');
  expect(fresh.status).toBe(0);
  const dir = mkdtempSync(join(tmpdir(), 'architecture-'));
  try {
    const stale = join(dir, 'architecture.md');
    // the picture with one import fewer than the code has
    const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const edge = /^(\w+)-->(\w+)$/m.exec(page);
    expect(edge, 'the picture has no edge').not.toBeNull();
    writeFileSync(stale, page.replace(`${edge![0]}\n`, ''));
    const run = check(stale);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is stale: run npm run architecture:picture');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    if (n === 'node_modules' || n.startsWith('.')) return [];
    const p = dir === '.' ? n : join(dir, n);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

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
// the honest code through reference-server/hooks.ts; the honest code path names no fault (and imports none:
// the rule fault-layer-installed-by-server-only).
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

test('every fault unit is registered under its file name', async () => {
  const { FAULT_UNITS } = await import('../../reference-server/faults/index.ts');
  const helpers = new Set(['index', 'types', 'state-events', 'sweep-target']);
  const files = sources('reference-server/faults')
    .map((f) => f.split('/').pop()!.replace(/\.ts$/, ''))
    .filter((n) => !helpers.has(n));
  expect(files.sort()).toEqual(FAULT_UNITS.map((u) => u.name).sort());
});
