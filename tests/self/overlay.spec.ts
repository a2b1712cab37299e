// A hand-written descriptor (contracts/apis/X.json) is an overlay on the SDK's generated facts
// (contracts/sdk/apis/X.json): it adds what the SDK cannot say, may refine a string to a uuid and set a constraint
// the SDK does not declare only with provenance naming the server source; any other fact it sets to another value
// is refused with one line naming the file and the field. The committed overlays hold nothing the SDK says.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  CONTRACTS_DIR,
  loadContracts,
  mergeOverlay,
  OverlayError,
  type ApiDescriptor,
  type ApiOverlay,
} from '../../contracts/index.ts';
import { ContractError, loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { overlayOf } from '../../src/importer/overlay.ts';

const generated: ApiDescriptor = {
  name: 'CreateWidget',
  generated: true,
  sdk: { class: 'org.zstack.sdk.CreateWidgetAction', file: 'sdk/src/main/java/org/zstack/sdk/CreateWidgetAction.java' },
  area: 'widget',
  resource: 'Widget',
  kind: 'create',
  method: 'POST',
  path: '/v1/widgets',
  async: true,
  bodyKey: 'params',
  params: {
    name: { in: 'body', type: 'string', required: true, maxLength: 255 },
    ownerUuid: { in: 'body', type: 'string' },
  },
  reply: { body: 'inventory', schema: 'WidgetInventory', schemaSource: 'sdk-name' },
  sources: ['sdk/src/main/java/org/zstack/sdk/CreateWidgetAction.java'],
};
const FILE = 'contracts/apis/CreateWidget.json';
const merge = (o: Omit<ApiOverlay, 'name'>, schemas: string[] = []): ApiDescriptor =>
  mergeOverlay(generated, { name: 'CreateWidget', ...o }, FILE, new Set(schemas));
const refusal = (o: Omit<ApiOverlay, 'name'>): string => {
  try {
    merge(o);
  } catch (e) {
    if (e instanceof OverlayError) return e.message;
    throw e;
  }
  return 'accepted';
};

test('an overlay adds what the SDK cannot say and refines a string parameter to a uuid', () => {
  const api = merge({
    since: '4.1.0',
    effect: { kind: 'create', fields: { name: 'name' } },
    params: { ownerUuid: { type: 'uuid', references: 'Owner' }, name: { unique: true, description: 'its name' } },
    sources: ['docs/zstack-protocol.md#the-api-family'],
  });
  expect(api.since).toBe('4.1.0');
  expect(api.effect?.kind).toBe('create');
  expect(api.params['ownerUuid']).toEqual({ in: 'body', type: 'uuid', references: 'Owner' });
  expect(api.params['name']).toEqual({
    in: 'body',
    type: 'string',
    required: true,
    maxLength: 255,
    unique: true,
    description: 'its name',
  });
  expect(api.method).toBe('POST');
  expect(api.sources).toEqual(['docs/zstack-protocol.md#the-api-family', generated.sources[0]]);
  expect(api.generated).toBeUndefined(); // merged: no longer the SDK's alone
  expect(generated.params['ownerUuid'].type).toBe('string'); // the generated descriptor is not changed
});

test('a constraint the SDK does not declare is kept with provenance naming its server source', () => {
  const provenance = { maxLength: 'WidgetApiInterceptor.java:40; docs/zstack-protocol.md#base-and-request-shape' };
  expect(merge({ params: { name: { maxLength: 64, provenance } } }).params['name'].maxLength).toBe(64);
  expect(
    merge({ params: { ownerUuid: { required: true, provenance: { required: provenance.maxLength } } } }).params[
      'ownerUuid'
    ].required,
  ).toBe(true);
  // a hand-written reply schema (contracts/schemas/) is known from the server, not the SDK's naming
  expect(
    merge({ reply: { schema: 'WidgetInventory', schemaSource: 'server-source' } }, ['WidgetInventory']).reply
      .schemaSource,
  ).toBe('server-source');
});

test('an undeclared override of an SDK fact is refused with one line naming the file and the field', () => {
  expect(refusal({ method: 'PUT' })).toBe(`${FILE}: method: "PUT", the SDK's is "POST"`);
  expect(refusal({ async: false })).toBe(`${FILE}: async: false, the SDK's is true`);
  expect(refusal({ params: { name: { maxLength: 64 } } })).toBe(
    `${FILE}: params.name.maxLength: 64, the SDK's is 255: delete it, or name the server source in provenance.maxLength`,
  );
  expect(refusal({ params: { ownerUuid: { required: true } } })).toMatch(/^[^\n]*params\.ownerUuid\.required: true/);
  expect(refusal({ params: { name: { type: 'integer' } } })).toBe(
    `${FILE}: params.name.type: "integer", the SDK's is "string"`,
  );
  expect(refusal({ params: { colour: { in: 'body', type: 'string' } } })).toBe(
    `${FILE}: params.colour: not a parameter of the SDK's action`,
  );
  expect(refusal({ reply: { body: 'empty' } })).toBe(`${FILE}: reply.body: "empty", the SDK's is "inventory"`);
  expect(refusal({ reply: { schemaSource: 'server-source' } })).toMatch(/reply\.schemaSource/);
});

test('the committed overlays say nothing the SDK says, and stripping what the SDK says changes no merged descriptor', () => {
  const contracts = loadContracts();
  for (const name of contracts.apis.keys()) {
    const overlay = JSON.parse(readFileSync(join(CONTRACTS_DIR, 'apis', `${name}.json`), 'utf8')) as ApiOverlay;
    const sdk = JSON.parse(readFileSync(join(CONTRACTS_DIR, 'sdk', 'apis', `${name}.json`), 'utf8')) as ApiDescriptor;
    expect(overlayOf(overlay, sdk), name).toEqual(overlay);
    // the merged descriptor, stripped again, is the overlay: nothing was lost or invented by the merge
    expect(overlayOf(contracts.apis.get(name) as ApiDescriptor, sdk), name).toEqual(overlay);
  }
});

test('loadValidatedContracts refuses an overlay with an unknown key or an undeclared override, naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'overlay-'));
  try {
    cpSync(CONTRACTS_DIR, dir, { recursive: true });
    const file = join(dir, 'apis', 'DeleteIAM2Project.json');
    const overlay = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...overlay, methd: 'DELETE' }));
    expect(() => loadValidatedContracts(dir)).toThrow(/^contracts\/apis\/DeleteIAM2Project\.json: \/ must NOT have/);
    writeFileSync(file, JSON.stringify({ ...overlay, path: '/v1/iam2/projects/{uuid}/remove' }));
    expect(() => loadValidatedContracts(dir)).toThrow(ContractError);
    expect(() => loadValidatedContracts(dir)).toThrow(
      'contracts/apis/DeleteIAM2Project.json: path: "/v1/iam2/projects/{uuid}/remove", the SDK\'s is "/v1/iam2/projects/{uuid}"',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
