// Both directions of the query sweep (src/sweep): the clean reference server passes every rule of every swept
// Query API with every rule judged; an empty table, an API not served and a declared area are reported as such;
// and each rule fails on a server that breaks it: a proxy that rewrites one kind of query reply
// (fixtures/rewriting-proxy.ts), and the reference server's fault modes whose trips name a sweep.
import { expect, test } from '@playwright/test';
import type { ApiDescriptor, Contracts } from '../../contracts/index.ts';
import { startRewritingProxy, type Rewrite } from '../../fixtures/rewriting-proxy.ts';
import { sweepTrips } from '../../fixtures/fault-proofs.ts';
import type { FaultName } from '../../reference-server/faults.ts';
import { startReferenceServer } from '../../reference-server/server.ts';
import { readConfig } from '../../src/config.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { formatFailures } from '../../src/reporting/failures.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { renderSweepSummary, summarizeSweep } from '../../src/reporting/sweep-summary.ts';
import { openSuite } from '../../src/suite.ts';
import { notServedVerdict, sweepLines, sweepQuery, sweptQueries, type SweepOutcome } from '../../src/sweep/sweep.ts';

test.describe.configure({ mode: 'parallel' });

const CONTRACTS = loadValidatedContracts();
const SWEPT = sweptQueries(CONTRACTS.surface);
/** the hand-written family: the reference server's tables the kit fills with rows */
const FAMILY = SWEPT.filter((a) => CONTRACTS.apis.has(a.name));
const ORGS = 'QueryIAM2Organization';

interface Target {
  faults?: FaultName[];
  /** rewrite the query replies of the server (a server that breaks one rule) */
  rewrite?: Rewrite;
  /** make rows in every table the hand-written queries read (default true) */
  rows?: boolean;
  contracts?: Contracts;
}

/** The sweep of one Query API against a fresh reference server (with rows, faults, a rewriting proxy). */
async function sweepAgainst(api: string, t: Target = {}): Promise<SweepOutcome> {
  const ref = await startReferenceServer({ ...(t.faults ? { faults: t.faults } : {}) });
  const env = readConfig({ ZSTACK_RUN_ID: 'self' });
  try {
    if (t.rows ?? true) {
      const maker = await openSuite({ ...env, baseUrl: ref.url });
      try {
        const kit = new ResourceKit(maker.zs);
        await kit.organization();
        await kit.organization();
        await kit.flowCollection(); // a project, a virtual ID and a flow collection
      } finally {
        await maker.close();
      }
    }
    const proxy = t.rewrite ? await startRewritingProxy(ref.url, t.rewrite) : undefined;
    try {
      const suite = await openSuite(
        { ...env, baseUrl: proxy?.url ?? ref.url },
        { contracts: t.contracts ?? CONTRACTS },
      );
      try {
        const descriptor = suite.contracts.surface.get(api);
        if (!descriptor) throw new Error(`no Query API ${api} in the surface`);
        return await sweepQuery(suite.zs, descriptor, suite.schemas);
      } finally {
        await suite.close();
      }
    } finally {
      await proxy?.close();
    }
  } finally {
    await ref.close();
  }
}

/** The contracts with one surface API replaced or added. */
const withApi = (api: ApiDescriptor): Contracts => ({
  ...CONTRACTS,
  surface: new Map([...CONTRACTS.surface, [api.name, api]]),
});

/** The sweep's required failures of `check`, each as its one line; fails the test if there are none. */
function caught(outcome: SweepOutcome, check: string, title: string): string[] {
  const hits = outcome.failed.filter((r) => r.check === check);
  const lines = sweepLines(hits);
  expect(
    lines.some((l) => l.includes(title)),
    `${check} did not fail with "${title}"; failures seen: ${sweepLines(outcome.failed).join('; ') || 'none'}`,
  ).toBe(true);
  for (const l of lines) expect(l.startsWith(`${outcome.api}: `)).toBe(true);
  return lines;
}

const isPage = (u: URL) => u.searchParams.get('replyWithCount') === 'true';
const isCount = (u: URL) => u.searchParams.get('count') === 'true';
const isByPath = (u: URL) => /\/[0-9a-f]{32}$/.test(u.pathname);
const withBody = (body: unknown, change: (b: Record<string, unknown>) => void) => {
  const b = structuredClone(body) as Record<string, unknown>;
  change(b);
  return { body: b };
};

test('the sweep covers the Query APIs of the surface, and only GET queries answering inventories', () => {
  expect(FAMILY.map((a) => a.name).sort()).toEqual([
    'QueryIAM2Organization',
    'QueryIAM2Project',
    'QueryIAM2VirtualID',
    'QueryTicketFlowCollection',
  ]);
  for (const a of SWEPT) expect([a.kind, a.method, a.reply.body]).toEqual(['query', 'GET', 'inventories']);
});

for (const api of FAMILY) {
  test(`clean server: ${api.name} passes every rule, each one judged`, async () => {
    const outcome = await sweepAgainst(api.name);
    expect(outcome.served).toBe(true);
    expect(
      [...outcome.failed, ...outcome.advisories],
      formatFailures([...outcome.failed, ...outcome.advisories], outcome.observations),
    ).toEqual([]);
    expect(outcome.notApplicable).toEqual([]);
    const judged = new Set(outcome.results.filter((r) => r.status === 'pass').map((r) => r.check));
    expect([...judged].sort()).toEqual(
      [
        'inventoryOnSuccess',
        'queryByUuidAgrees',
        'queryCountsTotal',
        'queryFieldsSelected',
        'queryReturnsMatchingRows',
        'querySchemaMapForSdk',
        'replyMatchesSchema',
        'timestampsParseableBySdk',
      ].sort(),
    );
    // only GETs, and few of them
    for (const o of outcome.observations) expect(o.exchange.hops[0].request.method).toBe('GET');
    expect(outcome.requests).toBeLessThanOrEqual(9);
  });
}

test('an empty table: the row rules are not applicable, and the outcome says so', async () => {
  const outcome = await sweepAgainst(ORGS, { rows: false });
  expect(outcome.failed).toEqual([]);
  expect(outcome.notApplicable).toEqual(['row rules (schema, count by uuid, fields, GET by uuid): no rows']);
  expect(outcome.results.some((r) => r.check === 'queryCountsTotal' && r.status === 'pass')).toBe(true);
});

test('an API the target does not serve: skipped as not served, failed when its area is declared', async () => {
  const ghost: ApiDescriptor = {
    ...(CONTRACTS.surface.get(ORGS) as ApiDescriptor),
    name: 'QueryGhostThing',
    area: 'ghost',
    path: '/v1/ghost/things',
    pathWithUuid: '/v1/ghost/things/{uuid}',
  };
  const outcome = await sweepAgainst(ghost.name, { rows: false, contracts: withApi(ghost) });
  expect(outcome).toMatchObject({ served: false, area: 'ghost', requests: 1, failed: [] });
  expect(notServedVerdict(ghost, [])).toEqual({ skip: expect.stringContaining('not served') });
  expect(notServedVerdict(ghost, ['iam2', 'ghost'])).toEqual({
    fail: 'QueryGhostThing: not served (404 no api mapping to /v1/ghost/things), in area ghost of ZSTACK_PROFILE_AREAS',
  });
});

test('a query whose path needs a parameter is not swept, and says why, sending nothing', async () => {
  const nested: ApiDescriptor = {
    ...(CONTRACTS.surface.get(ORGS) as ApiDescriptor),
    name: 'QueryNestedThing',
    path: '/v1/vm-instances/{vmInstanceUuid}/nested-things',
  };
  const outcome = await sweepAgainst(nested.name, { rows: false, contracts: withApi(nested) });
  expect(outcome).toMatchObject({
    requests: 0,
    unsweepable: 'its path needs {vmInstanceUuid}, which no read-only sweep knows',
  });
});

test('a. a counted page without a total, and a refused page, fail queryCountsTotal', async () => {
  const noTotal = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) => (isPage(url) ? withBody(body, (b) => delete b['total']) : undefined),
  });
  caught(noTotal, 'queryCountsTotal', 'replyWithCount=true&limit=10: replyWithCount=true without a total');
  const refused = await sweepAgainst(ORGS, {
    rewrite: ({ url }) => (isPage(url) ? { status: 500, body: 'Internal Server Error' } : undefined),
  });
  caught(refused, 'queryCountsTotal', 'a valid query was refused');
  expect(refused.requests).toBe(1);
});

test('b. a row off its schema fails replyMatchesSchema naming the API and the field; advisory for an sdk-name schema', async () => {
  const rewrite: Rewrite = ({ url, body }) =>
    isPage(url)
      ? withBody(body, (b) => {
          (b['inventories'] as Array<Record<string, unknown>>)[0]['name'] = 12345;
        })
      : undefined;
  const lines = caught(
    await sweepAgainst(ORGS, { rewrite }),
    'replyMatchesSchema',
    'inventories[0].name: must be string',
  );
  expect(lines[0]).toMatch(
    /^QueryIAM2Organization: inventories\[0\] does not match .*: inventories\[0\]\.name: must be string/,
  );
  const guessed = CONTRACTS.surface.get(ORGS) as ApiDescriptor;
  const advisory = await sweepAgainst(ORGS, {
    rewrite,
    contracts: withApi({ ...guessed, reply: { ...guessed.reply, schemaSource: 'sdk-name' } }),
  });
  expect(advisory.failed).toEqual([]);
  expect(sweepLines(advisory.advisories).join('\n')).toContain('inventories[0].name: must be string');
});

test('b. a schema map naming another class fails querySchemaMapForSdk', async () => {
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      isPage(url)
        ? withBody(body, (b) => {
            (b['schema'] as Record<string, string>)['inventories[0]'] = 'org.zstack.header.vm.VmInstanceInventory';
          })
        : undefined,
  });
  caught(outcome, 'querySchemaMapForSdk', 'schema map does not type every inventory');
});

test('c. a count that differs from the counted page (twice), lists inventories or miscounts one uuid fails queryCountsTotal', async () => {
  const off = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      isCount(url) && !url.searchParams.has('q')
        ? withBody(body, (b) => {
            b['total'] = Number(b['total']) + 1;
          })
        : undefined,
  });
  caught(off, 'queryCountsTotal', 'count=true against replyWithCount=true&limit=10: wrong total');
  const listing = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) => (isCount(url) ? withBody(body, (b) => (b['inventories'] = [])) : undefined),
  });
  caught(listing, 'queryCountsTotal', 'count=true also lists inventories');
  const byUuid = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      isCount(url) && url.searchParams.has('q') ? withBody(body, (b) => (b['total'] = 0)) : undefined,
  });
  caught(byUuid, 'queryCountsTotal', 'wrong total');
});

test('c. a total that counts the page instead of every row fails queryCountsTotal on the page of one', async () => {
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      isPage(url) ? withBody(body, (b) => (b['total'] = (b['inventories'] as unknown[]).length)) : undefined,
  });
  caught(outcome, 'queryCountsTotal', 'limit=1&replyWithCount=true: wrong total');
});

test('c. rows that come and go between the page and its count once are met with one retry, not a failure', async () => {
  let first = true;
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) => {
      if (!isCount(url) || url.searchParams.has('q') || !first) return undefined;
      first = false;
      return withBody(body, (b) => (b['total'] = Number(b['total']) + 1));
    },
  });
  expect(outcome.failed, sweepLines(outcome.failed).join('\n')).toEqual([]);
});

test('c. a row deleted by someone else between the page and its count by uuid is no finding, and is said', async () => {
  const gone = (u: URL) => u.searchParams.has('q') && !u.searchParams.has('fields');
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      gone(url) ? withBody(body, (b) => (isCount(url) ? (b['total'] = 0) : (b['inventories'] = []))) : undefined,
  });
  expect(outcome.notApplicable).toEqual([
    expect.stringMatching(/^count by uuid: row [0-9a-f]{32} went away during the sweep$/),
  ]);
  expect(outcome.failed.filter((r) => r.check === 'queryCountsTotal')).toEqual([]);
});

test('d. limit=1 answering two rows fails queryReturnsMatchingRows', async () => {
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      url.searchParams.get('limit') === '1'
        ? withBody(body, (b) => {
            const rows = b['inventories'] as unknown[];
            b['inventories'] = [...rows, ...rows];
          })
        : undefined,
  });
  caught(outcome, 'queryReturnsMatchingRows', 'limit=1&replyWithCount=true: more rows than the limit');
});

test('e. fields=uuid answering other fields fails queryFieldsSelected', async () => {
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) =>
      url.searchParams.has('fields')
        ? withBody(body, (b) => {
            b['inventories'] = (b['inventories'] as Array<Record<string, unknown>>).map((i) => ({ ...i, name: 'x' }));
          })
        : undefined,
  });
  caught(outcome, 'queryFieldsSelected', 'fields=uuid returned other fields too');
});

test('f. GET .../{uuid} that differs from q=uuid= fails queryByUuidAgrees', async () => {
  const outcome = await sweepAgainst(ORGS, {
    rewrite: ({ url, body }) => (isByPath(url) ? withBody(body, (b) => (b['inventories'] = [])) : undefined),
  });
  caught(outcome, 'queryByUuidAgrees', 'GET by uuid differs from q=uuid=');
});

test("the run's summary: the not-served list with areas, and served / not served / failed per area", () => {
  const entry = (api: string, area: string, served: boolean, failed: boolean) => ({
    api,
    area,
    served,
    failed,
    notApplicable: api === 'QueryB' ? ['row rules (schema, count by uuid, fields, GET by uuid): no rows'] : [],
    requests: served ? 7 : 1,
  });
  const summary = summarizeSweep([
    entry('QueryVmInstance', 'vm', false, true),
    entry('QueryB', 'iam2', true, false),
    entry('QueryA', 'iam2', true, true),
    entry('QueryZone', 'zone', false, false),
  ]);
  expect(summary).toEqual({
    apis: 4,
    requests: 16,
    notServed: [
      { api: 'QueryVmInstance', area: 'vm' },
      { api: 'QueryZone', area: 'zone' },
    ],
    areas: [
      { area: 'iam2', served: 2, notServed: 0, failed: 1 },
      { area: 'vm', served: 0, notServed: 1, failed: 1 },
      { area: 'zone', served: 0, notServed: 1, failed: 0 },
    ],
    notApplicable: [{ api: 'QueryB', reasons: ['row rules (schema, count by uuid, fields, GET by uuid): no rows'] }],
  });
  expect(renderSweepSummary(summary)).toEqual([
    'Query sweep: 4 Query APIs, 16 requests; per area served/not served/failed:',
    '  iam2 2/0/1, vm 0/1/1, zone 0/1/0',
    '  not served (2):',
    '    QueryVmInstance (vm), QueryZone (zone)',
    '  not applicable in 1 API(s): row rules (schema, count by uuid, fields, GET by uuid): no rows',
  ]);
});

for (const { api, fault, check } of sweepTrips()) {
  test(`fault ${fault} is caught by ${check} in the sweep of ${api}`, async () => {
    const outcome = await sweepAgainst(api, { faults: [fault] });
    const hits = [...outcome.failed, ...outcome.advisories].filter((r) => r.check === check);
    expect(
      hits.length,
      `${check} did not fail on fault ${fault}; failures seen: ${sweepLines([...outcome.failed, ...outcome.advisories]).join('; ') || 'none'}`,
    ).toBeGreaterThan(0);
    // each line names the API and the member at fault: a row's field, the schema map's entry, total, fields=
    for (const line of sweepLines(hits)) {
      expect(line.startsWith(`${api}: `), line).toBe(true);
      expect(line, line).toMatch(/inventories\[\d+\]\.?\w*|total=|fields=\w+/);
    }
    expect(hits[0].violations[0].received.length).toBeGreaterThan(0);
  });
}
