// The importer (npm run import): pages in both formats reproduce the checked-in contracts byte for byte, a page
// of an API the contracts do not have imports and is then tested by the derived tests against the reference
// server, and a page it cannot read gives one line naming the line and what was expected, writing nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { CONTRACTS_DIR, type ApiDescriptor } from '../../contracts/index.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { derivedScenariosOf } from '../../src/scenarios/derived.ts';
import { runScenario } from '../../src/scenarios/run.ts';
import { formatFailures } from '../../src/reporting/failures.ts';
import { formatContractJson } from '../../src/importer/format-json.ts';
import { importPage, PageError, parsePage } from '../../src/importer/index.ts';
import { writeAllOrNothing } from '../../src/importer/write.ts';
import { buildInteractions } from '../../src/pact/interactions.ts';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'fixtures/doc-pages');
const SEEDS = ['ChangeIAM2OrganizationState', 'UpdateIAM2TicketFlowCollection'];
const THIRD = 'ChangeIAM2ProjectState';
const TICKET = 'ChangeTicketFlowCollectionState';
const ALL_PAGES = readdirSync(PAGES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function tempContracts(): { dir: string; contracts: string; examples: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zc-import-'));
  cpSync(CONTRACTS_DIR, join(dir, 'contracts'), { recursive: true });
  mkdirSync(join(dir, 'doc-examples'));
  return { dir, contracts: join(dir, 'contracts'), examples: join(dir, 'doc-examples') };
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

test('re-importing the pages of the two seed APIs (both formats) reproduces the checked-in contracts byte for byte', () => {
  const t = tempContracts();
  try {
    const written: string[] = [];
    for (const api of SEEDS)
      written.push(
        ...importPage(join(PAGES, `${api}.zh-doc.txt`), {
          contractsDir: t.contracts,
          docExamplesDir: t.examples,
        }).files.map((f) => f.path),
      );
    // the descriptors and every inventory schema the pages name were written, not kept
    expect(
      written
        .filter((f) => f.startsWith(t.contracts))
        .map((f) => f.slice(t.contracts.length + 1))
        .sort(),
    ).toEqual([
      'apis/ChangeIAM2OrganizationState.json',
      'apis/UpdateIAM2TicketFlowCollection.json',
      'schemas/IAM2OrganizationAttributeInventory.schema.json',
      'schemas/IAM2OrganizationInventory.schema.json',
      'schemas/TicketFlowCollectionInventory.schema.json',
      'schemas/TicketFlowInventory.schema.json',
    ]);
    expect(filesUnder(t.contracts)).toEqual(filesUnder(CONTRACTS_DIR));
    for (const f of filesUnder(CONTRACTS_DIR))
      expect(readFileSync(join(t.contracts, f), 'utf8'), f).toBe(readFileSync(join(CONTRACTS_DIR, f), 'utf8'));
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
});

test("every checked-in contract and override file is in the importer's layout", () => {
  for (const sub of ['apis', 'schemas', 'overrides', 'overrides/schemas']) {
    for (const f of readdirSync(join(CONTRACTS_DIR, sub)).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(CONTRACTS_DIR, sub, f), 'utf8');
      expect(formatContractJson(JSON.parse(text) as Record<string, unknown>), `contracts/${sub}/${f}`).toBe(text);
    }
  }
});

test('every override entry gives a reason', () => {
  for (const sub of ['overrides', 'overrides/schemas']) {
    for (const f of readdirSync(join(CONTRACTS_DIR, sub)).filter((n) => n.endsWith('.json'))) {
      const o = JSON.parse(readFileSync(join(CONTRACTS_DIR, sub, f), 'utf8')) as { set?: Array<{ reason?: string }> };
      for (const e of o.set ?? []) expect(e.reason?.trim().length, `contracts/${sub}/${f}`).toBeGreaterThan(10);
    }
  }
});

test("a third API's page imports, validates, records its doc defects, and its derived tests pass against the reference server", async () => {
  const t = tempContracts();
  try {
    // a new API even after its page was imported into the repository
    for (const f of [`apis/${THIRD}.json`, `overrides/${THIRD}.json`]) rmSync(join(t.contracts, f), { force: true });
    const before = filesUnder(t.contracts);
    const r = importPage(join(PAGES, `${THIRD}.zh-doc.txt`), { contractsDir: t.contracts, docExamplesDir: t.examples });
    // only the new descriptor and its doc example: the project schema is hand-written and kept
    expect(r.files.map((f) => f.path.slice(t.dir.length + 1)).sort()).toEqual([
      `contracts/apis/${THIRD}.json`,
      `doc-examples/${THIRD}.json`,
    ]);
    expect(filesUnder(t.contracts)).toEqual([...before, `apis/${THIRD}.json`].sort());
    const contracts = loadValidatedContracts(t.contracts);
    const api = contracts.apis.get(THIRD);
    expect(api).toMatchObject({
      resource: 'IAM2Project',
      kind: 'action',
      method: 'PUT',
      path: '/v1/iam2/projects/{uuid}/actions',
      async: true,
      bodyKey: 'changeIAM2ProjectState',
      reply: { body: 'inventory', schema: 'IAM2ProjectInventory' },
    });
    expect(api?.effect).toEqual({
      kind: 'stateEvent',
      param: 'stateEvent',
      field: 'state',
      transitions: { enable: 'Enabled', disable: 'Disabled' },
      mayChange: ['state', 'lastOpDate'],
    });
    expect(api?.docDefects?.map((d) => d.id)).toEqual(['request-line-without-leading-slash']);
    // what the repository's docs rules ask of any descriptor: its sources cite the protocol reference
    expect(api?.sources).toEqual([
      'doc page ChangeIAM2ProjectState.zh-doc.txt',
      'docs/zstack-protocol.md#the-api-family',
      'docs/zstack-protocol.md#sync-and-async-jobs',
      'docs/zstack-protocol.md#action-keys',
      'docs/zstack-protocol.md#state-events',
      // the SDK's generated descriptor it is merged over names its action class
      'sdk/src/main/java/org/zstack/sdk/iam2/api/ChangeIAM2ProjectStateAction.java',
    ]);
    // the file written is the overlay: what the page says beyond the SDK (not its route, which the SDK says)
    const written = JSON.parse(readFileSync(join(t.contracts, 'apis', `${THIRD}.json`), 'utf8')) as object;
    expect(Object.keys(written)).not.toContain('path');
    expect(Object.keys(written)).not.toContain('method');
    expect(written).toMatchObject({ name: THIRD, effect: { kind: 'stateEvent' } });
    for (const d of api?.docDefects ?? []) expect(d.source).toMatch(/^docs\/zstack-protocol\.md#/);
    const example = JSON.parse(readFileSync(join(t.examples, `${THIRD}.json`), 'utf8')) as {
      knownProblems: Record<string, unknown[]>;
    };
    expect(example.knownProblems).toEqual({ request: [], response: [] });

    // its pact interactions are generated the same way: each event, an event outside the allowed ones, an unknown uuid
    expect(
      buildInteractions(contracts, '5.0.0')
        .filter((i) => i.api === THIRD)
        .map((i) => i.description),
    ).toEqual([
      `${THIRD} enable on a IAM2Project in state Disabled`,
      `the finished job of ${THIRD} enable on a IAM2Project in state Disabled`,
      `${THIRD} disable on a IAM2Project in state Enabled`,
      `the finished job of ${THIRD} disable on a IAM2Project in state Enabled`,
      `${THIRD} with stateEvent "not-enable", which is not one of the allowed values`,
      `the failed job of ${THIRD} with stateEvent "not-enable" (SYS.1007 invalid argument)`,
      `${THIRD} on a uuid that names no IAM2Project`,
      `the failed job of ${THIRD} on an unknown IAM2Project (SYS.1003 resource not found)`,
    ]);

    const scenarios = derivedScenariosOf(contracts, api!);
    expect(scenarios.map((s) => s.title)).toEqual([
      `${THIRD} (derived): each state event of its transitions, sent twice, leaves the IAM2Project in the state it names`,
      `${THIRD} (derived): refuses bad input in ZStack's way and changes nothing`,
    ]);
    await withReferenceTarget(
      { password: 'import-self-test', contractsDir: t.contracts },
      { ZSTACK_PASSWORD: 'import-self-test', ZSTACK_RUN_ID: 'import' },
      async (suite) => {
        for (const s of scenarios) {
          const outcome = await runScenario(s, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas);
          expect(outcome.failed, formatFailures(outcome.failed, outcome.observations)).toEqual([]);
          expect(outcome.stopped).toBeUndefined();
          expect(outcome.observations.filter((o) => o.api.name === THIRD).length).toBeGreaterThan(3);
        }
      },
      contracts,
    );
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
});

// Values listed one per line in a row (the doc site's bullets): the page of ChangeTicketFlowCollectionState
// lists stateEvent's values as "- enable" / "- disable" and continues the row with "| 3.0.0 | |"; its
// inventory table lists state's values as "• Enabled" / "• Disabled". The variants write the same page the
// other ways the site renders it.
const BULLET_VARIANTS: Array<[string, (page: string) => string]> = [
  ['"- value" lines, then "| 3.0.0 | |"', (p) => p],
  ['"• value" lines', (p) => p.replace('- enable\n- disable', '• enable\n• disable')],
  ['bullet lines with a leading "|"', (p) => p.replace('- enable\n- disable', '| - enable\n| • disable |')],
  ['a lone "|", then "3.0.0 | |"', (p) => p.replace('- disable\n| 3.0.0 | |', '- disable\n|\n3.0.0 | |')],
  [
    'bullets in every table and a row ending in a bare version',
    (p) =>
      p
        .replace('code | String | 错误码 | 3.0.0 |', 'code | String | 错误码,例如\n- SYS.1007\n3.0.0')
        .replace(
          'flowContextType | String | 内容类型 | 3.0.0 |',
          'flowContextType | String | 内容类型 |\n• text\n| 3.0.0 |',
        ),
  ],
];

for (const [how, rewrite] of BULLET_VARIANTS) {
  test(`a table row with its values on lines of their own (${how}) keeps the enum, the later rows, the since-version and the response example`, () => {
    const t = tempContracts();
    try {
      const page = join(t.dir, `${TICKET}.zh-doc.txt`);
      writeFileSync(page, rewrite(readFileSync(join(PAGES, `${TICKET}.zh-doc.txt`), 'utf8')));
      const parsed = parsePage(page, readFileSync(page, 'utf8'));
      expect(parsed.params.map((f) => [f.name, f.values ?? [], f.since])).toEqual([
        ['uuid', [], '3.0.0'],
        ['stateEvent', ['enable', 'disable'], '3.0.0'],
        ['systemTags', [], '3.0.0'],
        ['userTags', [], '3.0.0'],
      ]);
      expect(parsed.responseExample?.body).toMatchObject({ inventory: { state: 'Disabled' } });
      expect(parsed.reply.find((f) => f.name === 'inventory')?.children.map((c) => c.name)).toEqual([
        'uuid',
        'name',
        'description',
        'state',
        'status',
        'createDate',
        'lastOpDate',
        'isDefault',
        'flows',
      ]);
      expect(
        parsed.reply.find((f) => f.name === 'inventory')?.children.find((c) => c.name === 'flows')?.children,
      ).toHaveLength(9);
      const r = importPage(page, { contractsDir: t.contracts, docExamplesDir: t.examples });
      // merged over the SDK's facts (which add its other @Param members)
      expect(r.api.params['stateEvent']).toMatchObject({
        in: 'body',
        type: 'string',
        required: true,
        enum: ['enable', 'disable'],
      });
      expect(r.api.tags).toBe(true);
      expect(r.api.docDefects?.map((d) => d.id)).toEqual(['request-line-without-leading-slash']);
      const example = JSON.parse(readFileSync(join(t.examples, `${TICKET}.json`), 'utf8')) as {
        knownProblems: Record<string, unknown[]>;
      };
      expect(example.knownProblems).toEqual({ request: [], response: [] });
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
}

test("an import over a hand-written descriptor keeps what the page cannot say, in the API's override file, and a re-import changes nothing", () => {
  const t = tempContracts();
  try {
    // the descriptor as it was written by hand, before any import (whatever the repository holds now)
    const handWritten: ApiDescriptor = {
      name: TICKET,
      since: '3.0.0',
      resource: 'TicketFlowCollection',
      kind: 'action',
      method: 'PUT',
      path: '/v1/tickets/flow-collections/{uuid}/actions',
      async: true,
      bodyKey: 'changeTicketFlowCollectionState',
      tags: true,
      params: {
        uuid: { in: 'path', type: 'uuid', required: true, references: 'TicketFlowCollection' },
        stateEvent: { in: 'body', type: 'string', required: true, enum: ['enable', 'disable'] },
      },
      effect: {
        kind: 'stateEvent',
        param: 'stateEvent',
        field: 'state',
        transitions: { enable: 'Enabled', disable: 'Disabled' },
        mayChange: ['state', 'lastOpDate'],
      },
      reply: { body: 'inventory', schema: 'TicketFlowCollectionInventory' },
      sources: [
        'docs/zstack-protocol.md#the-api-family',
        'docs/zstack-protocol.md#state-events',
        'sdk/src/main/java/org/zstack/sdk/ticket/api/ChangeTicketFlowCollectionStateAction.java',
      ],
    };
    const overrideFile = join(t.contracts, 'overrides', `${TICKET}.json`);
    rmSync(overrideFile, { force: true });
    // the page as a vendor might write it without the values: the enum and so the state-event effect cannot be derived
    const page = join(t.dir, `${TICKET}.zh-doc.txt`);
    writeFileSync(page, readFileSync(join(PAGES, `${TICKET}.zh-doc.txt`), 'utf8').replace('- enable\n- disable\n', ''));
    // and a doc defect text a person wrote
    const ownText = {
      id: 'request-line-without-leading-slash',
      says: 'PUT zstack/v1/tickets/flow-collections/{uuid}/actions',
      actually: 'the curl line has the leading slash',
      source: 'docs/zstack-protocol.md#base-and-request-shape',
    };
    writeFileSync(
      join(t.contracts, 'apis', `${TICKET}.json`),
      formatContractJson({ ...handWritten, docDefects: [ownText] } as unknown as Record<string, unknown>),
    );

    const r = importPage(page, { contractsDir: t.contracts, docExamplesDir: t.examples });
    expect(r.api.effect).toEqual(handWritten.effect);
    expect(r.api.params).toMatchObject(handWritten.params);
    expect(r.api.sources).toEqual(expect.arrayContaining(handWritten.sources));
    expect(r.api.docDefects).toEqual([ownText]);
    // the values the page leaves out are the SDK's (@Param validValues): nothing to keep for them
    expect(r.api.params['stateEvent'].enum).toEqual(['enable', 'disable']);
    expect(r.keptFacts).toEqual(['/sources', '/effect', 'docDefects request-line-without-leading-slash']);
    const override = JSON.parse(readFileSync(overrideFile, 'utf8')) as {
      set: Array<{ path: string; value: unknown; reason: string }>;
      docDefects: unknown[];
    };
    expect(override.set.map((e) => e.path).sort()).toEqual(['/effect', '/sources']);
    expect(override.set.find((e) => e.path === '/effect')?.value).toEqual(handWritten.effect);
    expect(override.docDefects).toEqual([ownText]);

    const once = filesUnder(t.dir).map((f) => [f, readFileSync(join(t.dir, f), 'utf8')]);
    const again = importPage(page, { contractsDir: t.contracts, docExamplesDir: t.examples });
    expect(again.keptFacts).toEqual([]);
    expect(filesUnder(t.dir).map((f) => [f, readFileSync(join(t.dir, f), 'utf8')])).toEqual(once);

    // from then on the override file is where those facts live: an edit there wins over the descriptor
    const edited = {
      ...override,
      set: override.set.map((e) =>
        e.path === '/effect' ? { ...e, value: { ...handWritten.effect, mayChange: ['state'] } } : e,
      ),
    };
    writeFileSync(overrideFile, formatContractJson(edited as unknown as Record<string, unknown>));
    expect(importPage(page, { contractsDir: t.contracts, docExamplesDir: t.examples }).api.effect?.mayChange).toEqual([
      'state',
    ]);
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
});

test("what the page says otherwise than the SDK is the SDK's (its fact kept), and the import names each one", () => {
  const t = tempContracts();
  try {
    const page = join(t.dir, `${TICKET}.zh-doc.txt`);
    writeFileSync(
      page,
      readFileSync(join(PAGES, `${TICKET}.zh-doc.txt`), 'utf8')
        .replace('- disable\n', '- disable\n- retire\n')
        .replace(
          'userTags (可选) | List | body | 用户标签 | | 3.0.0 |\n',
          'userTags (可选) | List | body | 用户标签 | | 3.0.0 |\ncomment (可选) | String | body | 备注 | | 3.1.0 |\n',
        ),
    );
    const r = importPage(page, { contractsDir: t.contracts, docExamplesDir: t.examples });
    expect(r.api.params['stateEvent'].enum).toEqual(['enable', 'disable']);
    expect(r.api.params['comment']).toBeUndefined();
    expect(r.pageChanges).toEqual([]);
    expect(r.sdkWins.sort()).toEqual([
      `the page ${TICKET}: params.comment: not a parameter of the SDK's action`,
      `the page ${TICKET}: params.stateEvent.enum: ["enable","disable","retire"], the SDK's is ["enable","disable"]: delete it, or name the server source in provenance.enum`,
    ]);
    // the overlay written holds neither: only what the page says beyond the SDK
    const written = JSON.parse(readFileSync(join(t.contracts, 'apis', `${TICKET}.json`), 'utf8')) as {
      params?: Record<string, object>;
    };
    expect(written.params?.['comment']).toBeUndefined();
    expect(written.params?.['stateEvent'] ?? {}).not.toHaveProperty('enum');
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
});

test('every example page imports into a copy of the contracts, with no false doc defect, and the derived tests of every API pass there against the reference server', async () => {
  const t = tempContracts();
  try {
    const apis = ALL_PAGES.map(
      (f) => importPage(join(PAGES, f), { contractsDir: t.contracts, docExamplesDir: t.examples }).api.name,
    );
    expect(apis.length).toBeGreaterThanOrEqual(5);
    const contracts = loadValidatedContracts(t.contracts);
    for (const name of apis) {
      const api = contracts.apis.get(name);
      // a defect the importer found only because it misread the page would show as an invalid example
      expect(api?.docDefects?.map((d) => d.id).filter((id) => id.endsWith('-invalid')) ?? [], name).toEqual([]);
      expect(api?.effect, name).toBeDefined();
    }
    // the seed pages' schemas come out as checked in, whichever page wrote them last
    for (const f of filesUnder(join(CONTRACTS_DIR, 'schemas')))
      expect(readFileSync(join(t.contracts, 'schemas', f), 'utf8'), f).toBe(
        readFileSync(join(CONTRACTS_DIR, 'schemas', f), 'utf8'),
      );
    const scenarios = apis.flatMap((name) => derivedScenariosOf(contracts, contracts.apis.get(name)!));
    expect(scenarios.length).toBeGreaterThanOrEqual(apis.length);
    await withReferenceTarget(
      { password: 'import-self-test', contractsDir: t.contracts },
      { ZSTACK_PASSWORD: 'import-self-test', ZSTACK_RUN_ID: 'importall' },
      async (suite) => {
        for (const s of scenarios) {
          const outcome = await runScenario(s, { zs: suite.zs, kit: new ResourceKit(suite.zs) }, suite.schemas);
          expect(outcome.failed, `${s.title}\n${formatFailures(outcome.failed, outcome.observations)}`).toEqual([]);
          expect(outcome.stopped, s.title).toBeUndefined();
        }
      },
      contracts,
    );
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
});

const broken: Array<[string, (page: string) => string, RegExp]> = [
  [
    'a table row without a type',
    (p) => p.replace('stateEvent | StateEvent | body', 'stateEvent | | body'),
    /:16: expected a table row "name \| Type \| \.\.\."/,
  ],
  [
    'a truncated JSON example',
    (p) => p.replace('"stateEvent": "disable"\n},', '"stateEvent": "disable"\n'),
    /:3: expected a JSON example/,
  ],
  [
    'a reference to a table that is not there',
    (p) => p.slice(0, p.indexOf('Name | Type | Description | Since |\n---|---|---|---|\norganizationUuid')),
    /expected a table for "attributes"/,
  ],
  ['text that is no doc page', () => 'Welcome to our site\nContact us\n', /:1: expected a ZStack API doc page/],
];

for (const [what, breakIt, message] of broken) {
  test(`a page with ${what} gives one line naming the line and what was expected, and writes nothing`, () => {
    const t = tempContracts();
    try {
      const page = join(t.dir, 'ChangeIAM2OrganizationState.zh-doc.txt');
      writeFileSync(page, breakIt(readFileSync(join(PAGES, 'ChangeIAM2OrganizationState.zh-doc.txt'), 'utf8')));
      const before = filesUnder(t.dir);
      let error: unknown;
      try {
        importPage(page, { contractsDir: t.contracts, docExamplesDir: t.examples });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PageError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
      expect(filesUnder(t.dir)).toEqual(before);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
}

test('npm run import on a broken page prints one line, no stack, exits 1', () => {
  const t = tempContracts();
  try {
    const page = join(t.dir, 'broken.txt');
    writeFileSync(
      page,
      readFileSync(join(PAGES, 'UpdateIAM2TicketFlowCollection.zh-doc.txt'), 'utf8').replace(
        'UpdateIAM2TicketFlowCollection\n',
        'not an id\n',
      ),
    );
    let stderr = '';
    let status = 0;
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/import.ts', page, '--contracts', t.contracts, '--doc-examples', t.examples],
        { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' },
      );
    } catch (e) {
      const x = e as { status: number; stderr: string };
      status = x.status;
      stderr = x.stderr;
    }
    expect(status).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^import: .*broken\.txt:\d+: expected the operation ID .* found "not an id"$/);
    expect(existsSync(join(t.contracts, 'apis', 'broken.json'))).toBe(false);
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
});

test('files of one import land together or not at all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-write-'));
  try {
    writeFileSync(join(dir, 'blocker'), 'a file where a directory would have to be');
    expect(() =>
      writeAllOrNothing([
        { path: join(dir, 'a.json'), text: '{}\n' },
        { path: join(dir, 'blocker', 'b.json'), text: '{}\n' },
      ]),
    ).toThrow();
    expect(readdirSync(dir)).toEqual(['blocker']);
    writeAllOrNothing([
      { path: join(dir, 'a.json'), text: '{}\n' },
      { path: join(dir, 'sub', 'b.json'), text: '[]\n' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'blocker', 'sub']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
