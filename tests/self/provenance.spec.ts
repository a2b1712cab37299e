// A MUST needs an API-level source (docs/musts.md): every descriptor agrees with the official SDK's @Param, as the
// generated descriptors contracts/sdk/apis/ record it, and every refusal the suite demands rests on the SDK
// or on server code a descriptor names. The guards are shown to catch the mistakes that once made the suite fail
// conformant servers, rebuilt from the SDK's own facts.
import { expect, test } from '@playwright/test';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { loadSdkFacts, sdkDisagreements, unsourcedRejections } from '../../src/contract-model/provenance.ts';
import { rejectionRules } from '../../src/contract-model/rejection-rules.ts';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';

const facts = loadSdkFacts();
/** A copy to break on purpose (the loader caches its contracts). */
const editable = () => structuredClone(loadValidatedContracts());

test('the SDK facts come from zstackio/zstack at a recorded commit and cover every API the contracts hold', () => {
  expect(facts.sdk.repository).toBe('zstackio/zstack');
  expect(facts.sdk.commit).toMatch(/^[0-9a-f]{40}$/);
  expect(Object.keys(facts.actions).sort()).toEqual([...loadValidatedContracts().apis.keys()].sort());
  for (const a of Object.values(facts.actions)) expect(a.generated, a.name).toBe(true);
});

test("every descriptor declares what the SDK's @Param declares, and nothing else", () => {
  expect(sdkDisagreements(loadValidatedContracts(), facts)).toEqual([]);
});

test('every refusal the suite demands rests on the SDK or on server code the descriptor names', () => {
  expect(unsourcedRejections(loadValidatedContracts(), facts)).toEqual([]);
});

test('the SDK facts behind two former false fails: srcType has no maxLength, CreateIAM2VirtualID has no type', () => {
  const srcType = facts.actions['CreateIAM2Organization']?.params['srcType'];
  expect(srcType?.type).toBe('string');
  expect(srcType?.maxLength).toBeUndefined();
  expect(Object.keys(facts.actions['CreateIAM2VirtualID']?.params ?? {})).not.toContain('type');
  const contracts = loadValidatedContracts();
  const demanded = (api: string) =>
    rejectionRules(contracts, contracts.apis.get(api)!).map((r) => `${r.kind} ${r.param}`);
  expect(demanded('CreateIAM2Organization')).not.toContain('maxLength srcType');
  expect(demanded('CreateIAM2VirtualID').filter((r) => r.endsWith(' type'))).toEqual([]);
});

test('a descriptor stricter than the SDK is named, one line per API and field', () => {
  const contracts = editable();
  contracts.apis.get('CreateIAM2Organization')!.params['srcType']!.maxLength = 32; // the column's width
  contracts.apis.get('CreateIAM2VirtualID')!.params['type'] = {
    in: 'body',
    type: 'string',
    enum: ['ZStack', 'OAuth2', 'Ldap'],
  };
  delete contracts.apis.get('CreateIAM2TickFlowCollection')!.params['flows']!.provenance;
  contracts.apis.get('ChangeIAM2OrganizationState')!.params['stateEvent']!.enum = ['enable', 'disable', 'pause'];
  delete contracts.apis.get('CreateIAM2Project')!.params['quota'];
  expect(sdkDisagreements(contracts, facts)).toEqual([
    "ChangeIAM2OrganizationState.stateEvent: allowed values enable, disable, pause, the SDK's are enable, disable",
    "CreateIAM2Organization.srcType: maxLength 32, the SDK's @Param says none",
    "CreateIAM2Project.quota: declared by the SDK's org.zstack.sdk.iam2.api.CreateIAM2ProjectAction (@Param), missing from the descriptor",
    "CreateIAM2TickFlowCollection.flows: required true, the SDK's @Param says required = false",
    'CreateIAM2TickFlowCollection.flows: minItems 1 has no source (the SDK declares no minimum): give provenance.minItems',
    "CreateIAM2VirtualID.type: not a parameter of the SDK's org.zstack.sdk.iam2.api.CreateIAM2VirtualIDAction",
  ]);
  expect(unsourcedRejections(contracts, facts)).toEqual([
    'ChangeIAM2OrganizationState.stateEvent: the suite demands a refusal (enum) that rests on allowed values the SDK does not declare',
    'CreateIAM2Organization.srcType: the suite demands a refusal (maxLength) that rests on a maxLength of 32 the SDK does not declare',
    'CreateIAM2TickFlowCollection.flows: the suite demands a refusal (required) that the SDK does not mark required and no server code is named',
    "CreateIAM2VirtualID.type: the suite demands a refusal (enum) that names a parameter the SDK's action does not declare",
    "CreateIAM2VirtualID.type: the suite demands a refusal (string-shape) that names a parameter the SDK's action does not declare",
  ]);
});

test('a refusal the SDK cannot show is demanded only where a descriptor names the server code', () => {
  const contracts = editable();
  const create = contracts.apis.get('CreateIAM2TickFlowCollection')!;
  const rules = () => rejectionRules(contracts, create).map((r) => `${r.kind} ${r.param}`);
  // the flows' members: IAM2TicketApiInterceptor, named in provenance.items; an unknown projectUuid: no public source
  expect(rules()).toEqual(expect.arrayContaining(['item-required flows', 'required flows']));
  expect(rules()).not.toContain('references projectUuid');
  const named = { ...create.params['flows']!.provenance };
  named.items = 'a reading of the docs';
  create.params['flows']!.provenance = named;
  expect(unsourcedRejections(contracts, facts)).toEqual([
    'CreateIAM2TickFlowCollection.flows: the suite demands a refusal (item-required) that no server code is named for (provenance.items)',
    'CreateIAM2TickFlowCollection.flows: the suite demands a refusal (item-required) that no server code is named for (provenance.items)',
  ]);
});

test('the embedded server does what ZStack does with both former false fails: a long srcType and an unknown type are accepted', async () => {
  await withReferenceTarget({}, { ZSTACK_RUN_ID: 'provenance' }, async (suite) => {
    const org = await suite.zs.call('CreateIAM2Organization', {
      name: 'zc-provenance-org',
      type: 'Company',
      srcType: 's'.repeat(33),
    });
    expect(org.final.status).toBe(200);
    const vid = await suite.zs.call('CreateIAM2VirtualID', {
      name: 'zc-provenance-vid',
      password: 'pw',
      type: 'not-ZStack',
    });
    expect(vid.final.status).toBe(200);
    expect((vid.final.json as { inventory: { type?: string } }).inventory.type).toBe('ZStack');
  });
});
