// Certification by area: the profile lists every query of the surface by area; the query sweep's outcomes
// (project `sweep`: passed = served, annotated `not-served` = not served, failed) are counted per area; in an
// area the vendor certifies (ZSTACK_PROFILE_AREAS) a query not served fails the certificate, elsewhere it is shown.
import { readFileSync } from 'node:fs';
import { TEST_RUN_META } from '../../fixtures/run-meta.ts';
import { expect, test } from '@playwright/test';
import { loadContracts, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';
import { queryAreasTable } from '../../src/certification/area-table.ts';
import { AreaError, SWEEP_PROJECT } from '../../src/certification/area-outcomes.ts';
import { SWEEP_ANNOTATION } from '../../src/reporting/sweep-summary.ts';
import { judge, type TestEntry } from '../../src/certification/judge.ts';
import { loadProfile, type Profile } from '../../src/certification/profile.ts';
import { deriveProfile, profileProblems, queryAreas } from '../../src/certification/profile-derive.ts';
import { renderHtml } from '../../src/certification/render-html.ts';
import { renderText } from '../../src/certification/render-text.ts';
import { readCertSettings } from '../../src/certification/settings.ts';
import { ConfigError } from '../../src/config.ts';
import { allScenarios } from '../../src/scenarios/all.ts';

const meta = TEST_RUN_META;

const base = loadProfile();
// a profile of two areas (the sweep reads areas from the profile, whatever the surface holds today)
const profile: Profile = {
  ...base,
  areas: { vm: { queries: ['QueryVmInstance', 'QueryVmNic'] }, zwatch: { queries: ['QueryAlarm'] } },
};
const sweep = (api: string, status: TestEntry['status'], notServed = false): TestEntry => ({
  title: `query sweep: ${api} answers as ZStack does`,
  project: SWEEP_PROJECT,
  status,
  tags: [`@api:${api}`],
  annotations: notServed ? [{ type: SWEEP_ANNOTATION.notServed, description: `404 no api mapping to /v1/${api}` }] : [],
});
const setup: TestEntry = { title: 'logs in', project: 'target', status: 'passed', annotations: [] };

test('the profile lists every query of the surface by area, `other` for one without', () => {
  const contracts = loadContracts();
  const areas = queryAreas(contracts);
  const listed = Object.values(areas).flatMap((a) => a.queries);
  const queries = [...contracts.surface.values()].filter((a) => a.kind === 'query');
  expect(listed.sort()).toEqual(queries.map((a) => a.name).sort());
  for (const q of queries) expect(areas[q.area ?? 'other'].queries).toContain(q.name);
  expect(base.areas).toEqual(areas);
  // a query added to the surface makes the profile stale
  const more: Contracts = { ...contracts, surface: new Map(contracts.surface) };
  const q = [...contracts.surface.values()].find((a) => a.kind === 'query') as ApiDescriptor;
  more.surface.set('QueryZzTest', { ...q, name: 'QueryZzTest', area: 'zz-test' });
  const derived = deriveProfile(more, base, allScenarios(contracts));
  expect(derived.areas['zz-test']).toEqual({ queries: ['QueryZzTest'] });
  expect(profileProblems(base, derived)).toEqual([expect.stringMatching(/differs/)]);
});

test('with no area certified the sweep is shown by area and decides nothing', () => {
  const c = judge(
    [setup, sweep('QueryVmInstance', 'passed'), sweep('QueryVmNic', 'skipped', true), sweep('QueryAlarm', 'failed')],
    profile,
    meta,
  );
  expect(c.areas).toEqual([
    expect.objectContaining({ area: 'vm', certified: false, served: ['QueryVmInstance'], notServed: ['QueryVmNic'] }),
    expect.objectContaining({ area: 'zwatch', certified: false, failed: ['QueryAlarm'], verdict: 'failed' }),
  ]);
  expect(c.verdict).not.toBe('failed');
  expect(renderText(c)).toContain('areas      none certified');
  expect(renderText(c)).toContain('vm: 1 served, 1 not served, 0 failed');
});

test('in a certified area a query not served or failed fails the certificate, naming the area and the query', () => {
  const entries = [setup, sweep('QueryVmInstance', 'passed'), sweep('QueryVmNic', 'skipped', true)];
  const c = judge(entries, profile, { ...meta, areas: ['vm'] });
  expect(c.areas.find((a) => a.area === 'vm')).toMatchObject({ certified: true, verdict: 'failed' });
  expect(c.verdict).toBe('failed');
  expect(renderText(c)).toContain('areas      vm');
  expect(renderText(c)).toContain('✗ vm: QueryVmNic: not served (the area is certified)');
  expect(renderHtml(c)).toContain('<table id="areas">');
  expect(renderHtml(c)).toMatch(/<th>vm<\/th><td>yes<\/td><td class="failed">/);

  const served = judge([setup, sweep('QueryVmInstance', 'passed'), sweep('QueryVmNic', 'passed')], profile, {
    ...meta,
    areas: ['vm'],
  });
  expect(served.areas).toEqual([expect.objectContaining({ area: 'vm', verdict: 'passed', notRun: [] })]);
  expect(served.verdict).toBe('passed');

  // a failure in an area not certified does not fail a certificate of another area
  const elsewhere = judge(
    [setup, sweep('QueryVmInstance', 'passed'), sweep('QueryVmNic', 'passed'), sweep('QueryAlarm', 'failed')],
    profile,
    { ...meta, areas: ['vm'] },
  );
  expect(elsewhere.verdict).toBe('passed');
  expect(judge([setup, sweep('QueryAlarm', 'failed')], profile, { ...meta, areas: ['zwatch'] }).verdict).toBe('failed');
});

test('an area the profile does not have, or not a slug, is refused with one line', () => {
  expect(() => judge([setup], profile, { ...meta, areas: ['vmm'] })).toThrow(AreaError);
  expect(() => judge([setup], profile, { ...meta, areas: ['vmm'] })).toThrow(/no area "vmm"/);
  const settings = readCertSettings({ ZSTACK_PROFILE_AREAS: ' zwatch, vm ,vm' }, []);
  expect(settings.areas).toEqual(['vm', 'zwatch']);
  expect(settings.selection).toContain('areas: vm,zwatch');
  expect(() => readCertSettings({ ZSTACK_PROFILE_AREAS: 'VM' }, [])).toThrow(ConfigError);
  expect(readCertSettings({}, []).areas).toBeUndefined();
});

test("docs/checks.md shows the surface's queries by area as they are (a stale table fails)", () => {
  const page = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
  const block = /<!-- generated:query-areas -->\n([\s\S]*?)\n<!-- \/generated:query-areas -->/.exec(page)?.[1];
  expect(block).toBe(queryAreasTable(queryAreas(loadContracts())));
});
