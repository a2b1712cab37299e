// The dependency rules that keep the suite honest, checked on the source: the reference server reads the
// contracts and nothing else of ours (so a mistake cannot hide in both it and the checks), and the checks
// are pure (no client, no transport, no I/O), so they judge recorded documents exactly as live traffic.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]);
}

const resolved = (file: string, spec: string) => (spec.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', spec)) : spec);

test('the reference server imports only contracts/index.ts and Node built-ins', () => {
  for (const file of sources('reference-server')) {
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      const ok = target.startsWith('node:') || target.startsWith('reference-server/') || target === 'contracts/index.ts';
      expect(ok, `${file} imports ${spec}`).toBe(true);
    }
  }
});

test('the checks import no client, transport, suite or I/O module', () => {
  for (const file of sources('src/checks')) {
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      const ok = target.startsWith('src/checks/') || target.startsWith('src/exchange/') || target === 'contracts/index.ts'
        || target === 'src/contracts/schemas.ts' || target === 'src/contracts/timestamps.ts';
      expect(ok, `${file} imports ${spec}`).toBe(true);
    }
  }
});

test('every check file is registered', () => {
  const registry = readFileSync(join(ROOT, 'src/checks/index.ts'), 'utf8');
  for (const file of sources('src/checks')) {
    const name = file.split('/').pop()!.replace(/\.ts$/, '');
    if (['index', 'types', 'support'].includes(name)) continue;
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
      expect(file === 'reference-server/server.ts' || file === 'reference-server/main.ts', `${file} imports ${spec}`).toBe(true);
    }
  }
  const { FAULT_UNITS } = await import('../../reference-server/faults/index.ts');
  const helpers = new Set(['index', 'types', 'state-events']);
  const files = sources('reference-server/faults').map((f) => f.split('/').pop()!.replace(/\.ts$/, '')).filter((n) => !helpers.has(n));
  expect(files.sort()).toEqual(FAULT_UNITS.map((u) => u.name).sort());
});
