// The reference server serves every Query API of the surface outside the hand-written family (the generic queries,
// reference-server/generic-queries.ts) over real loopback HTTP: rows valid against their schema (real Ajv), the
// schema map naming server classes of SourceClassMap parents first, count / limit / fields / {uuid} as real ZStack
// answers them, the same rows on every run; and the four sweep faults change what they claim and nothing of the
// hand-written family.
import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { apiPath, loadContracts, type ApiDescriptor } from '../../contracts/index.ts';
import { SchemaRegistry, formatProblems } from '../../src/contract-model/schemas.ts';
import { genericQueries, genericSchemaName } from '../../reference-server/generic-queries.ts';
import { SWEEP_FAULT_API, type FaultName } from '../../reference-server/faults.ts';
import { Client, JAVA9, ORGS, UUID, serverPerFile, withServer, type RawJson } from '../../fixtures/reference-client.ts';
import { writeSurfaceContracts } from '../../fixtures/surface-contracts.ts';

const contracts = loadContracts();
const GENERIC = genericQueries(contracts);
const registry = new SchemaRegistry(contracts, '5.0.0');
const { client } = serverPerFile();

/** Path variables besides {uuid} (e.g. {vmInstanceUuid}): a query's REST layer reads none of them, any value goes. */
const otherVariables = (api: ApiDescriptor): Record<string, string> =>
  Object.fromEntries([...api.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'a'.repeat(32)]));
const pathOf = (api: ApiDescriptor): string => apiPath(api, otherVariables(api));
const byUuidPath = (api: ApiDescriptor, uuid: string): string => apiPath(api, { ...otherVariables(api), uuid }, true);
const hasUuid = (api: ApiDescriptor): boolean => {
  const schemaName = genericSchemaName(contracts, api);
  return schemaName === undefined || Object.hasOwn(contracts.schemas.get(schemaName)?.properties ?? {}, 'uuid');
};

/** Every schema-map path's parent path (`a.b[0].c` -> `a.b[0]`) comes before it, when the parent is in the map. */
function parentsFirst(schema: Record<string, string>): string[] {
  const paths = Object.keys(schema);
  return paths.filter((p, i) => {
    const parent = p.replace(/\.[^.]+$/, '').replace(/\[\d+\]$/, '');
    const at = paths.indexOf(parent.includes('.') || parent.includes('[') ? parent : '');
    return at > i;
  });
}

test('the surface holds the generic queries the sweep covers, and the sweep faults target one of them', () => {
  expect(GENERIC.length).toBeGreaterThan(300);
  expect(GENERIC.map((a) => a.name)).toContain(SWEEP_FAULT_API);
  expect(GENERIC.filter((a) => contracts.apis.has(a.name))).toEqual([]);
});

test('every generic query answers 200 with 2-4 rows valid against its schema and a schema map of server classes', async () => {
  const problems: string[] = [];
  for (const api of GENERIC) {
    const r = await client.query(pathOf(api));
    if (r.status !== 200) {
      problems.push(`${api.name}: ${r.status} ${r.text}`);
      continue;
    }
    const { inventories, schema } = r.json as { inventories: RawJson[]; schema: Record<string, string> };
    if (inventories.length < 2 || inventories.length > 4) problems.push(`${api.name}: ${inventories.length} rows`);
    const schemaName = genericSchemaName(contracts, api);
    for (const [i, row] of inventories.entries()) {
      if (schemaName === undefined) {
        if (Object.keys(row).join() !== 'uuid' || !UUID.test(row.uuid))
          problems.push(`${api.name}: row ${i} not {uuid}`);
        continue;
      }
      const found = registry.validate(schemaName, row);
      if (found.length > 0) problems.push(`${api.name} row ${i}: ${formatProblems(found)}`);
      for (const [k, v] of Object.entries(row as Record<string, unknown>))
        if (/uuid$/i.test(k) && typeof v === 'string' && !UUID.test(v)) problems.push(`${api.name}: ${k} ${v}`);
      const cls = contracts.schemas.get(schemaName)?.['x-zstack-class'];
      if (schema[`inventories[${i}]`] !== cls)
        problems.push(`${api.name}: inventories[${i}] -> ${schema[`inventories[${i}]`]}`);
    }
    for (const [path, cls] of Object.entries(schema))
      if (!contracts.classMap.has(cls)) problems.push(`${api.name}: ${path} -> ${cls}, not in SourceClassMap`);
    for (const p of parentsFirst(schema)) problems.push(`${api.name}: ${p} before its parent`);
  }
  expect(problems).toEqual([]);
});

test('count, replyWithCount, limit, fields, q and GET {uuid} behave on every generic query', async () => {
  const problems: string[] = [];
  const note = (api: ApiDescriptor, ok: boolean, what: string, r: { status: number; text: string }) => {
    if (!ok) problems.push(`${api.name}: ${what}: ${r.status} ${r.text.slice(0, 200)}`);
  };
  for (const api of GENERIC) {
    const listed = await client.query(pathOf(api));
    note(api, listed.status === 200, 'query', listed);
    if (listed.status !== 200) continue;
    const all = listed.json.inventories as RawJson[];
    const count = await client.query(`${pathOf(api)}?count=true`);
    note(api, count.status === 200 && count.text === JSON.stringify({ total: all.length, schema: {} }), 'count', count);
    const page = await client.query(`${pathOf(api)}?limit=1&start=1&replyWithCount=true`);
    note(
      api,
      page.status === 200 &&
        page.json.total === all.length &&
        JSON.stringify(page.json.inventories) === JSON.stringify([all[1]]),
      'limit=1&start=1&replyWithCount',
      page,
    );
    if (!hasUuid(api) && api.pathWithUuid) {
      // ZQL has no uuid to filter on: GET .../{uuid} fails as a query of a field the inventory lacks (SYS.1000)
      const byUuid = await client.query(byUuidPath(api, all[0].uuid ?? 'a'.repeat(32)));
      note(api, byUuid.status === 503 && byUuid.json?.error?.code === 'SYS.1000', 'GET {uuid} without uuid', byUuid);
      continue;
    }
    if (!hasUuid(api)) continue;
    const filtered = await client.query(`${pathOf(api)}?count=true&q=uuid=${all[0].uuid}`);
    note(api, filtered.status === 200 && filtered.json.total === 1, 'count with q', filtered);
    const fields = await client.query(`${pathOf(api)}?fields=uuid`);
    note(
      api,
      fields.status === 200 &&
        JSON.stringify(fields.json.inventories) === JSON.stringify(all.map((r) => ({ uuid: r.uuid }))),
      'fields=uuid',
      fields,
    );
    if (!api.pathWithUuid) continue; // only a doc template shows the API answers GET .../{uuid}
    const one = await client.query(`${byUuidPath(api, all[0].uuid)}?limit=0&q=uuid=x`);
    note(
      api,
      one.status === 200 && JSON.stringify(one.json.inventories) === JSON.stringify([all[0]]),
      'GET {uuid}',
      one,
    );
    const none = await client.query(byUuidPath(api, 'f'.repeat(32)));
    note(api, none.status === 200 && JSON.stringify(none.json.inventories) === '[]', 'GET unknown uuid', none);
  }
  expect(problems).toEqual([]);
});

test('a generic query refuses as ZStack does: bad session 503 ID.1001, malformed q 400, unknown field 503', async () => {
  const api = contracts.surface.get(SWEEP_FAULT_API) as ApiDescriptor;
  const stranger = new Client(client.base);
  stranger.session = 'e'.repeat(32);
  const bad = await stranger.query(pathOf(api));
  expect([bad.status, bad.json?.error?.code]).toEqual([503, 'ID.1001']);
  const malformed = await client.query(`${pathOf(api)}?q=name`);
  expect([malformed.status, malformed.json]).toEqual([400, undefined]);
  const unknown = await client.query(`${pathOf(api)}?q=zcNoSuchField=1`);
  expect([unknown.status, unknown.json?.error?.code]).toEqual([503, 'SYS.1000']);
  const sorted = await client.query(`${pathOf(api)}?sort=-uuid`);
  const uuids = (sorted.json.inventories as RawJson[]).map((r) => r.uuid as string);
  expect(uuids).toEqual([...uuids].sort().reverse());
});

test('an unknown path still answers 404 no api mapping', async () => {
  const r = await client.query('/zstack/v1/zc-no-such-things');
  expect([r.status, r.text]).toEqual([404, 'no api mapping to /zstack/v1/zc-no-such-things']);
});

test('the rows are the same on every run, and timestamps follow the configured Java spelling', async () => {
  const first = new Map<string, string>();
  for (const api of GENERIC) first.set(api.name, (await client.query(pathOf(api))).text);
  await withServer(
    { uuidSeed: 7, clock: () => Date.UTC(2030, 0, 1), variant: { dateFormat: 'java9' } },
    async (other) => {
      const differing: string[] = [];
      let java9 = 0;
      for (const api of GENERIC) {
        const r = await other.query(pathOf(api));
        const rows = r.json.inventories as RawJson[];
        for (const row of rows)
          if (typeof row.createDate === 'string') {
            expect(row.createDate).toMatch(JAVA9);
            java9++;
          }
        // the same rows but for the spelling of timestamps
        const java8 = JSON.parse(first.get(api.name) as string).inventories as RawJson[];
        if (rows.length !== java8.length || rows.some((row, i) => row.uuid !== java8[i].uuid)) differing.push(api.name);
      }
      expect(differing).toEqual([]);
      expect(java9).toBeGreaterThan(100);
    },
  );
});

test('rows follow the schema one level deep; a nested schema without x-zstack-class stays out of the map', async () => {
  const dir = writeSurfaceContracts();
  try {
    await withServer({ contractsDir: dir }, async (c) => {
      const vms = await c.query('/zstack/v1/vm-instances');
      const rows = vms.json.inventories as RawJson[];
      expect(
        rows.every((r) => typeof r.placement?.kind === 'string' && r.rootVolume && !('spec' in r.rootVolume)),
      ).toBe(true);
      // a nested inventory's own nested inventory is left out (no endless VM -> NIC -> VM)
      expect(rows.flatMap((r) => r.vmNics as RawJson[]).every((n) => !('owner' in n))).toBe(true);
      expect(rows.every((r) => typeof r.opaque === 'string' && typeof r.rootVolume.lastDetachDate === 'string')).toBe(
        true,
      );
      const paths = Object.keys(vms.json.schema as object);
      expect(paths).toContain('inventories[0].rootVolume');
      expect(paths.filter((p) => p.endsWith('.placement'))).toEqual([]);
      const things = await c.query('/zstack/v1/zc-things');
      expect([
        things.status,
        (things.json.inventories as RawJson[]).every((r) => Object.keys(r).join() === 'uuid'),
      ]).toEqual([200, true]);
      expect(things.json.schema).toEqual({});
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** What one server answers to the IAM2 family and to the sweep target, with everything seeded. */
async function transcript(faults: FaultName[]): Promise<{ iam2: string[]; target: Record<string, RawJson> }> {
  return withServer({ faults, uuidSeed: 11, clock: () => Date.UTC(2024, 4, 3) }, async (c) => {
    await c.org({ name: 'org-a' });
    await c.org({ name: 'org-b' });
    const iam2: string[] = [];
    for (const q of ['', '?count=true&q=name=org-a', '?fields=name', '?replyWithCount=true&limit=1'])
      iam2.push((await c.query(ORGS + q)).text);
    const path = pathOf(contracts.surface.get(SWEEP_FAULT_API) as ApiDescriptor);
    const target: Record<string, RawJson> = {};
    for (const q of ['', '?count=true&q=uuid=0', '?fields=uuid']) target[q] = (await c.query(path + q)).json;
    return { iam2, target };
  });
}

test('each sweep fault changes what it claims on its target and nothing of the hand-written family', async () => {
  const clean = await transcript([]);
  const serverClasses = new Set(contracts.classMap.keys());
  const claims: Record<string, (t: Record<string, RawJson>) => boolean> = {
    'sweep-field-wrong-type': (t) =>
      (t[''].inventories as RawJson[]).every((r) => typeof r.allocatorStrategy === 'number'),
    'schema-map-names-sdk-class': (t) =>
      Object.values(t[''].schema as Record<string, string>).every(
        (c) => c.startsWith('org.zstack.sdk.') && !serverClasses.has(c),
      ),
    'count-ignores-filter': (t) => t['?count=true&q=uuid=0'].total === clean.target[''].inventories.length,
    'sweep-fields-ignored': (t) =>
      JSON.stringify(t['?fields=uuid'].inventories) === JSON.stringify(clean.target[''].inventories),
  };
  expect(clean.target['?count=true&q=uuid=0'].total).toBe(0);
  for (const [fault, claim] of Object.entries(claims)) {
    expect(claim(clean.target), `the clean server already does what ${fault} claims`).toBe(false);
    const faulty = await transcript([fault as FaultName]);
    expect(claim(faulty.target), `${fault} does what it claims`).toBe(true);
    expect(faulty.iam2, `${fault} leaves the hand-written family alone`).toEqual(clean.iam2);
  }
});
