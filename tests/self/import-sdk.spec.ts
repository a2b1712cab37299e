// npm run import:sdk on fixtures/sdk-sample: a tiny zstack checkout written for this test in the SDK's and the doc
// templates' shape (not copied): the exact descriptors and schemas it writes, a second run that changes no byte,
// stale files removed, a bad DIR refused in one line, and the committed contracts/sdk/ consistent with itself.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { normalizedSince } from '../../src/sdk/api-descriptor.ts';
import { classArg, parseGroovyDoc, stringArg } from '../../src/sdk/groovy-doc.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'fixtures', 'sdk-sample');
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const LONG_MAX = Number('9223372036854775807');

function importSdk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'import-sdk.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir`, relative path -> text. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  return new Map(files.sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

let out: string;
test.beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'import-sdk-'));
});
test.afterEach(() => rmSync(out, { recursive: true, force: true }));

const SDK = 'sdk/src/main/java/org/zstack/sdk';
const DOCS = 'header/src/main/java/org/zstack/header/gadget';

const EXPECTED_APIS: Record<string, unknown> = {
  CreateGadget: {
    name: 'CreateGadget',
    generated: true,
    sdk: {
      class: 'org.zstack.sdk.gadget.api.CreateGadgetAction',
      file: `${SDK}/gadget/api/CreateGadgetAction.java`,
      result: 'CreateGadgetResult',
    },
    area: 'gadget',
    docCategory: 'gadget',
    resource: 'Gadget',
    kind: 'create',
    method: 'POST',
    path: '/v1/gadgets',
    async: true,
    bodyKey: 'params',
    tags: true,
    params: {
      name: {
        in: 'body',
        type: 'string',
        required: true,
        maxLength: 128,
        nonempty: false,
        emptyString: true,
        since: '0.6.0',
      },
      size: { in: 'body', type: 'string', enum: ['Small', 'Large'], default: 'Small', since: '4.7.21' },
      capacity: { in: 'body', type: 'integer', numberRange: [1, LONG_MAX], numberRangeUnit: ['byte', 'bytes'] },
      code: { in: 'body', type: 'string', pattern: '^[a-z]+$', minLength: 2, noTrim: true },
      partUuids: { in: 'body', type: 'list', nonempty: true, nullElements: false },
      labels: { in: 'body', type: 'map' },
      initialState: { in: 'body', type: 'string', enum: ['Enabled', 'Disabled'] },
      ratio: { in: 'body', type: 'number', default: 0.5 },
    },
    reply: { body: 'inventory', schema: 'GadgetInventory' },
    sources: [`${SDK}/gadget/api/CreateGadgetAction.java`, `${DOCS}/APICreateGadgetMsgDoc_zh_cn.groovy`],
  },
  DeleteGadget: {
    name: 'DeleteGadget',
    generated: true,
    sdk: {
      class: 'org.zstack.sdk.DeleteGadgetAction',
      file: `${SDK}/DeleteGadgetAction.java`,
      result: 'DeleteGadgetResult',
    },
    area: 'other',
    resource: 'Gadget',
    kind: 'delete',
    method: 'DELETE',
    path: '/v1/gadgets/{uuid}',
    async: true,
    suppressCredentialCheck: true,
    params: {
      uuid: { in: 'path', type: 'string', required: true, nonempty: false },
      deleteMode: { in: 'query', type: 'string', default: 'Permissive' },
    },
    reply: { body: 'empty' },
    sources: [`${SDK}/DeleteGadgetAction.java`],
  },
  GetGadgetCount: {
    name: 'GetGadgetCount',
    generated: true,
    sdk: {
      class: 'org.zstack.sdk.GetGadgetCountAction',
      file: `${SDK}/GetGadgetCountAction.java`,
      result: 'GetGadgetCountResult',
    },
    area: 'other',
    resource: 'GadgetCount',
    kind: 'action',
    method: 'GET',
    path: '/v1/gadgets/count',
    async: false,
    params: {},
    reply: { body: 'fields', fields: { count: 'integer', byState: 'object' } },
    sources: [`${SDK}/GetGadgetCountAction.java`],
  },
  QueryGadget: {
    name: 'QueryGadget',
    generated: true,
    sdk: {
      class: 'org.zstack.sdk.QueryGadgetAction',
      file: `${SDK}/QueryGadgetAction.java`,
      result: 'QueryGadgetResult',
    },
    area: 'gadget',
    docCategory: 'gadget',
    resource: 'Gadget',
    kind: 'query',
    method: 'GET',
    path: '/v1/gadgets',
    pathWithUuid: '/v1/gadgets/{uuid}',
    async: false,
    params: {},
    reply: {
      body: 'inventories',
      schema: 'GadgetInventory',
      schemaSource: 'doc-template',
      fields: { total: 'integer' },
    },
    sources: [
      `${SDK}/QueryGadgetAction.java`,
      `${DOCS}/APIQueryGadgetMsgDoc_zh_cn.groovy`,
      `${DOCS}/APIQueryGadgetReplyDoc_zh_cn.groovy`,
    ],
  },
};

const schema = (name: string, rest: Record<string, unknown>, properties: Record<string, unknown>): unknown => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:zstack:${name}`,
  title: name,
  type: 'object',
  ...rest,
  properties,
});
const TIMESTAMP = { $ref: 'urn:zstack:common#/$defs/timestamp' };

const EXPECTED_SCHEMAS: Record<string, unknown> = {
  GadgetInventory: schema(
    'GadgetInventory',
    {
      'x-sdk-class': 'org.zstack.sdk.GadgetInventory',
      'x-sdk-extends': 'ThingInventory',
      'x-zstack-class': 'org.zstack.header.gadget.GadgetInventory',
    },
    {
      anything: {},
      capacity: { type: 'integer' },
      createDate: TIMESTAMP,
      extra: { type: 'object' },
      labels: { type: 'array' },
      lastOpDate: TIMESTAMP,
      meta: { $ref: 'urn:zstack:GadgetMeta' },
      name: { type: 'string' },
      parts: { type: 'array', items: { $ref: 'urn:zstack:GadgetPartInventory' } },
      state: { type: 'string', enum: ['Enabled', 'Disabled'] },
      uuid: { type: 'string' },
      weight: { type: 'number' },
    },
  ),
  GadgetMeta: schema(
    'GadgetMeta',
    { 'x-sdk-class': 'org.zstack.sdk.GadgetMeta' },
    { revision: { type: 'integer' }, sealed: { type: 'boolean' } },
  ),
  GadgetPartInventory: schema(
    'GadgetPartInventory',
    {
      'x-sdk-class': 'org.zstack.sdk.GadgetPartInventory',
      'x-zstack-class': 'org.zstack.header.gadget.GadgetPartInventory',
    },
    { gadgetUuid: { type: 'string' }, uuid: { type: 'string' } },
  ),
  ThingInventory: schema(
    'ThingInventory',
    { 'x-sdk-class': 'org.zstack.sdk.ThingInventory' },
    { createDate: TIMESTAMP, name: { type: 'string' }, weight: { type: 'number' } },
  ),
};

test('the sample SDK imports into exactly these descriptors, schemas, class map and source record', () => {
  const run = importSdk(SAMPLE, '--commit', COMMIT, '--out', out);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(readdirSync(join(out, 'sdk', 'apis')).sort()).toEqual(Object.keys(EXPECTED_APIS).map((n) => `${n}.json`));
  for (const [name, expected] of Object.entries(EXPECTED_APIS))
    expect(readJson(join(out, 'sdk', 'apis', `${name}.json`)), name).toEqual(expected);
  // a Java long bound stays exact in the text (a double would write 9223372036854776000)
  expect(readFileSync(join(out, 'sdk', 'apis', 'CreateGadget.json'), 'utf8')).toContain('9223372036854775807\n');
  expect(readdirSync(join(out, 'sdk', 'schemas')).sort()).toEqual(
    Object.keys(EXPECTED_SCHEMAS).map((n) => `${n}.schema.json`),
  );
  for (const [name, expected] of Object.entries(EXPECTED_SCHEMAS))
    expect(readJson(join(out, 'sdk', 'schemas', `${name}.schema.json`)), name).toEqual(expected);
  expect(readJson(join(out, 'sdk', 'source-class-map.json'))).toEqual({
    'org.zstack.header.gadget.GadgetInventory': 'org.zstack.sdk.GadgetInventory',
    'org.zstack.header.gadget.GadgetPartInventory': 'org.zstack.sdk.GadgetPartInventory',
  });
  expect(readJson(join(out, 'sdk', 'source.json'))).toEqual({
    repository: 'zstackio/zstack',
    path: 'sdk/',
    commit: COMMIT,
    counts: { actions: 4, queries: 1, schemas: 4, docTemplates: 2 },
  });
});

test('the imported sample passes the descriptor schema and the whole-surface contract checks', () => {
  expect(importSdk(SAMPLE, '--out', out).status).toBe(0);
  // a contracts folder of the sample alone: the descriptor schema and the common schema the timestamps refer to
  cpSync(join(ROOT, 'contracts', 'descriptor.schema.json'), join(out, 'descriptor.schema.json'));
  cpSync(join(ROOT, 'contracts', 'schemas', 'common.schema.json'), join(out, 'schemas', 'common.schema.json'));
  const contracts = loadValidatedContracts(out);
  expect([...contracts.surface.keys()]).toEqual(Object.keys(EXPECTED_APIS));
  expect(contracts.classMap.get('org.zstack.header.gadget.GadgetInventory')).toBe('org.zstack.sdk.GadgetInventory');
  // inside this repository's work tree but not at its top: no commit is claimed for the sample
  expect(readJson(join(out, 'sdk', 'source.json'))).toMatchObject({ commit: null });
});

test('a second run changes no byte, and files of APIs and classes the SDK no longer has are removed', () => {
  expect(importSdk(SAMPLE, '--out', out).status).toBe(0);
  const first = snapshot(out);
  writeFileSync(join(out, 'sdk', 'apis', 'RetiredGadget.json'), '{}\n');
  writeFileSync(join(out, 'sdk', 'schemas', 'RetiredInventory.schema.json'), '{}\n');
  writeFileSync(join(out, 'sdk', 'actions.json'), '{"kept": true}\n');
  const second = importSdk(SAMPLE, '--out', out);
  expect(second.status).toBe(0);
  expect(second.stdout).toMatch(/; 0 files written, 2 removed in /);
  const after = snapshot(out);
  expect(after.get('sdk/actions.json')).toBe('{"kept": true}\n'); // not the importer's: left alone
  after.delete('sdk/actions.json');
  expect(after).toEqual(first);
});

test('the SDK folder itself imports too, without doc templates', () => {
  expect(importSdk(join(SAMPLE, 'sdk'), '--out', out).status).toBe(0);
  expect(readJson(join(out, 'sdk', 'apis', 'QueryGadget.json'))).toMatchObject({
    area: 'gadget', // the server package of its inventory class, by SourceClassMap
    reply: { body: 'inventories', schema: 'GadgetInventory', schemaSource: 'sdk-name' },
    sources: [`${SDK}/QueryGadgetAction.java`, 'docs/zstack-protocol.md#query-language'],
  });
  expect(readJson(join(out, 'sdk', 'apis', 'CreateGadget.json'))).not.toHaveProperty('params.name.since');
});

test('a DIR that is no zstack checkout is one line and exit 2, and nothing is written', () => {
  for (const dir of [join(out, 'missing'), join(ROOT, 'docs')]) {
    const run = importSdk(dir, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^import:sdk: .+\n$/);
    expect(existsSync(join(out, 'sdk'))).toBe(false);
  }
});

test('doc template DSL: strings with braces, triple quotes, comments and class literals read as statements', () => {
  const doc = parseGroovyDoc(
    [
      'package a.b',
      '// doc { not a block',
      'doc {',
      '  desc """a { brace } and "quotes"',
      'over lines"""',
      "  header (Authorization: 'OAuth x')",
      '  ref { name "rows"; clz a.b.Row.class }',
      '  ref {',
      '    name "cells" /* inline */',
      '    clz Cell.class',
      '  }',
      '}',
    ].join('\n'),
    'sample.groovy',
  );
  const body = doc.find((s) => s.name === 'doc')!.block!;
  expect(body.map((s) => s.name)).toEqual(['desc', 'header', 'ref', 'ref']);
  expect(stringArg(body[0])).toBe('a { brace } and "quotes"\nover lines');
  const refs = body.filter((s) => s.name === 'ref').map((r) => r.block!);
  expect(refs[0].map((s) => [s.name, stringArg(s) ?? classArg(s)])).toEqual([
    ['name', 'rows'],
    ['clz', 'a.b.Row'],
  ]);
  expect(refs[1].map((s) => [s.name, stringArg(s) ?? classArg(s)])).toEqual([
    ['name', 'cells'],
    ['clz', 'Cell'],
  ]);
});

test('since is recorded as MAJOR.MINOR.PATCH, anything else left out', () => {
  expect(['0.6', '4.7.21', '3.10', ' 5.0 ', 'next', '1', '1.2.3.4', undefined].map(normalizedSince)).toEqual([
    '0.6.0',
    '4.7.21',
    '3.10.0',
    '5.0.0',
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test('the committed contracts/sdk/ holds one descriptor per counted action, all generated', () => {
  const source = readJson(join(ROOT, 'contracts', 'sdk', 'source.json')) as { counts: Record<string, number> };
  const apis = readdirSync(join(ROOT, 'contracts', 'sdk', 'apis'));
  const schemas = readdirSync(join(ROOT, 'contracts', 'sdk', 'schemas'));
  expect(apis.length).toBe(source.counts['actions']);
  expect(schemas.length).toBe(source.counts['schemas']);
  const generated = apis.map((f) => readJson(join(ROOT, 'contracts', 'sdk', 'apis', f)) as { generated?: boolean });
  expect(generated.every((d) => d.generated === true)).toBe(true);
});
