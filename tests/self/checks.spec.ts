// Each check on exchanges built from ZStack's own documents (its API reference pages, docs/zstack-protocol.md): it must
// pass what real ZStack sends (no false positives) and fail the one deviation it is about, for that reason (its
// violation's title). Pure: no server involved.
import { test, expect } from '@playwright/test';
import { checkNamed, ALL_CHECKS, runChecks } from '../../src/checks/index.ts';
import { SchemaRegistry } from '../../src/contract-model/schemas.ts';
import type { ApiDescriptor, Contracts } from '../../contracts/index.ts';
import type { Observation } from '../../src/exchange/observation.ts';
import { fails, notApplicable, passes } from '../../fixtures/check-verdicts.ts';
import {
  contracts,
  docExample,
  exchange,
  flowCollection,
  observation,
  organization,
  response,
  schemas,
} from '../../fixtures/exchanges.ts';

const ok = (
  inv: Record<string, unknown>,
  api = 'ChangeIAM2OrganizationState',
  extra: Parameters<typeof observation>[2] = {},
) => observation(api, exchange(api, response(200, { inventory: inv }), { async: true }), extra);
const failed = (body: unknown, api = 'ChangeIAM2OrganizationState', extra: Parameters<typeof observation>[2] = {}) =>
  observation(api, exchange(api, response(503, body), { async: true }), extra);
const ERROR = {
  code: 'SYS.1007',
  description: 'One or more API argument is invalid',
  details: 'invalid value[pause] of field[stateEvent]',
};

test('every check has a rule, a source and a unique name', () => {
  expect(new Set(ALL_CHECKS.map((c) => c.name)).size).toBe(ALL_CHECKS.length);
  for (const c of ALL_CHECKS) {
    expect(c.rule).toMatch(/MUST|SHOULD/);
    expect(c.source.length).toBeGreaterThan(5);
  }
});

test.describe('asyncAcceptedWithLocation', () => {
  test("passes a location on another host name (NAT) and the manual's location body", () =>
    passes('asyncAcceptedWithLocation', ok(organization())));
  test('fails a 202 whose location lacks the job path', () => {
    const x = exchange('ChangeIAM2OrganizationState', response(200, { inventory: organization() }), {
      async: true,
      accepted: response(202, { location: 'http://h/jobs/1' }),
    });
    fails(
      'asyncAcceptedWithLocation',
      observation('ChangeIAM2OrganizationState', x),
      '202 without a usable job location',
    );
  });
});

test.describe('jobSettles', () => {
  test('passes a job ending in 503', () => passes('jobSettles', failed({ error: ERROR })));
  test('fails a job still pending at the deadline', () => {
    const o = ok(organization());
    o.exchange.unsettled = 'job-timeout';
    fails('jobSettles', o, 'job never finished');
  });
  test('fails a poll answering 500', () =>
    fails(
      'jobSettles',
      observation('ChangeIAM2OrganizationState', exchange('x', response(500, 'boom'), { async: true })),
      'job poll answered an unexpected status',
    ));
});

test.describe('nullErrorOnSuccess', () => {
  test('passes error absent (Gson) and error null (the doc page)', () => {
    passes('nullErrorOnSuccess', ok(organization()));
    passes(
      'nullErrorOnSuccess',
      observation(
        'ChangeIAM2OrganizationState',
        exchange('x', response(200, { error: null, inventory: organization() }), { async: true }),
      ),
    );
  });
  test('fails an ErrorCode on a 200', () =>
    fails(
      'nullErrorOnSuccess',
      observation(
        'ChangeIAM2OrganizationState',
        exchange('x', response(200, { error: ERROR, inventory: organization() }), { async: true }),
      ),
      'success carries an error',
    ));
});

test.describe('inventoryOnSuccess', () => {
  test("passes the doc page's response example", () =>
    passes(
      'inventoryOnSuccess',
      ok((docExample('ChangeIAM2OrganizationState').response.body as { inventory: Record<string, unknown> }).inventory),
    ));
  test("does not apply to a delete's empty result", () =>
    notApplicable(
      'inventoryOnSuccess',
      observation('DeleteIAM2Organization', exchange('x', response(200, {}), { async: true })),
    ));
  test('fails a 200 without inventory', () =>
    fails(
      'inventoryOnSuccess',
      observation('ChangeIAM2OrganizationState', exchange('x', response(200, {}), { async: true })),
      'success without "inventory"',
    ));
});

test.describe('replyMatchesSchema', () => {
  test('passes both Java date spellings, omitted nulls and extra fields', () => {
    passes('replyMatchesSchema', ok(organization({ createDate: 'Jan 6, 2017, 3:51:16 PM', someFutureField: 1 })));
    passes('replyMatchesSchema', ok(flowCollection(), 'UpdateIAM2TicketFlowCollection'));
  });
  test('fails a missing uuid, a wrong type, an ISO date, an unknown state', () => {
    const { uuid: _, ...noUuid } = organization();
    fails('replyMatchesSchema', ok(noUuid), 'inventory does not match IAM2OrganizationInventory');
    fails(
      'replyMatchesSchema',
      ok(flowCollection({ isDefault: 'false' }), 'UpdateIAM2TicketFlowCollection'),
      'inventory does not match TicketFlowCollectionInventory',
    );
    fails(
      'replyMatchesSchema',
      ok(organization({ createDate: '2017-01-06T03:51:16Z' })),
      'inventory does not match IAM2OrganizationInventory',
    );
    fails(
      'replyMatchesSchema',
      ok(organization({ state: 'enabled' })),
      'inventory does not match IAM2OrganizationInventory',
    );
  });
  test("fails the doc page's response example, which omits NOT NULL columns", () => {
    fails(
      'replyMatchesSchema',
      ok(
        (docExample('UpdateIAM2TicketFlowCollection').response.body as { inventory: Record<string, unknown> })
          .inventory,
        'UpdateIAM2TicketFlowCollection',
      ),
      'inventory does not match TicketFlowCollectionInventory',
    );
  });
});

test.describe('errorCodeOnFailure', () => {
  test("passes ZStack's SYS.1000 body (docs/zstack-protocol.md#query-errors) and a nested cause", () => {
    passes(
      'errorCodeOnFailure',
      failed({ error: { code: 'SYS.1000', description: 'An internal error happened in system', details: 'x' } }),
    );
    passes('errorCodeOnFailure', failed({ error: { ...ERROR, cause: { code: 'SYS.1000', description: 'root' } } }));
  });
  test('does not demand JSON from a REST-layer 400 (plain text on real ZStack)', () => {
    notApplicable(
      'errorCodeOnFailure',
      observation('ChangeIAM2OrganizationState', exchange('x', response(400, "missing header 'Authorization'"))),
    );
  });
  test('fails an ErrorCode without code, a cause without code, a plain-text 503', () => {
    fails('errorCodeOnFailure', failed({ error: { description: 'x' } }), 'error is not a full ErrorCode');
    fails(
      'errorCodeOnFailure',
      failed({ error: { ...ERROR, cause: { description: 'root' } } }),
      'error is not a full ErrorCode',
    );
    fails('errorCodeOnFailure', failed('Service Unavailable'), 'failure without a JSON ErrorCode');
  });
});

test.describe('noSuccessClaimOnFailure', () => {
  test('passes a plain failure', () => passes('noSuccessClaimOnFailure', failed({ error: ERROR })));
  test('fails an error with an inventory', () =>
    fails(
      'noSuccessClaimOnFailure',
      failed({ error: ERROR, inventory: organization() }),
      'failure also claims a result',
    ));
});

const before = organization({ state: 'Enabled', lastOpDate: 'Jan 6, 2017 3:51:16 AM' });
test.describe('stateEventApplied', () => {
  test('passes disable -> Disabled, also with " disable " (trimmed) and a repeat', () => {
    passes(
      'stateEventApplied',
      ok(organization({ state: 'Disabled' }), undefined, {
        sent: { stateEvent: 'disable' },
        before,
        after: organization({ state: 'Disabled' }),
      }),
    );
    passes(
      'stateEventApplied',
      ok(organization({ state: 'Disabled' }), undefined, {
        sent: { stateEvent: ' disable ' },
        before: organization({ state: 'Disabled' }),
      }),
    );
  });
  test('fails a state left as it was, or a query that disagrees', () => {
    fails(
      'stateEventApplied',
      ok(organization({ state: 'Enabled' }), undefined, { sent: { stateEvent: 'disable' }, before }),
      'state not Disabled after disable',
    );
    fails(
      'stateEventApplied',
      ok(organization({ state: 'Disabled' }), undefined, {
        sent: { stateEvent: 'disable' },
        before,
        after: organization({ state: 'Enabled' }),
      }),
      'query shows state not Disabled after disable',
    );
  });
});

test.describe('unchangedFieldsKept', () => {
  test('passes a state change that bumps lastOpDate, with attributes in another order', () => {
    const b = organization({
      attributes: [
        ...(organization()['attributes'] as unknown[]),
        {
          uuid: '0000aaaa0000aaaa0000aaaa0000aaaa',
          name: 'b',
          type: 'Customized',
          organizationUuid: 'c62fea9f96644a9cb5ba1ba383a9335c',
          createDate: 'Jan 6, 2017 3:51:16 AM',
          lastOpDate: 'Jan 6, 2017 3:51:16 AM',
        },
      ],
    });
    const a = {
      ...b,
      state: 'Disabled',
      lastOpDate: 'Jan 6, 2017 3:52:00 AM',
      attributes: [...(b['attributes'] as unknown[])].reverse(),
    };
    passes('unchangedFieldsKept', ok(a, undefined, { sent: { stateEvent: 'disable' }, before: b, after: a }));
  });
  test('fails a renamed organization and a rewritten createDate', () => {
    fails(
      'unchangedFieldsKept',
      ok(organization({ state: 'Disabled', name: 'other' }), undefined, { sent: { stateEvent: 'disable' }, before }),
      'reply shows fields changed that this call must not change',
    );
    fails(
      'unchangedFieldsKept',
      ok(organization({ state: 'Disabled', createDate: 'Jan 7, 2017 3:51:16 AM' }), undefined, {
        sent: { stateEvent: 'disable' },
        before,
      }),
      'reply shows fields changed that this call must not change',
    );
  });
  test('passes an update of name only, fails one that drops the description', () => {
    const b = flowCollection({ description: 'd' });
    passes(
      'unchangedFieldsKept',
      ok({ ...b, name: 'n2' }, 'UpdateIAM2TicketFlowCollection', { sent: { name: 'n2' }, before: b }),
    );
    const dropped: Record<string, unknown> = { ...b, name: 'n2' };
    delete dropped['description'];
    fails(
      'unchangedFieldsKept',
      ok(dropped, 'UpdateIAM2TicketFlowCollection', { sent: { name: 'n2' }, before: b }),
      'reply shows fields changed that this call must not change',
    );
  });
  test('fails a rejected call after which the query shows a change', () => {
    const b = flowCollection();
    fails(
      'unchangedFieldsKept',
      failed({ error: ERROR }, 'UpdateIAM2TicketFlowCollection', {
        sent: { name: 'x'.repeat(256), description: 'd' },
        before: b,
        after: { ...b, description: 'd' },
      }),
      'query shows fields changed that a rejected call must not change',
    );
    passes(
      'unchangedFieldsKept',
      failed({ error: ERROR }, 'UpdateIAM2TicketFlowCollection', {
        sent: { name: 'x'.repeat(256) },
        before: b,
        after: b,
      }),
    );
  });
});

test.describe('lastOpDateNotEarlier', () => {
  test('passes the same second in the other Java spelling', () =>
    passes(
      'lastOpDateNotEarlier',
      ok(organization({ state: 'Disabled', lastOpDate: 'Jan 6, 2017, 3:51:16 AM' }), undefined, {
        sent: { stateEvent: 'disable' },
        before,
      }),
    ));
  test('fails an hour earlier (12-hour clock: 2:51 AM < 3:51 AM, 11 PM the day before)', () => {
    fails(
      'lastOpDateNotEarlier',
      ok(organization({ state: 'Disabled', lastOpDate: 'Jan 6, 2017 2:51:16 AM' }), undefined, {
        sent: { stateEvent: 'disable' },
        before,
      }),
      'reply lastOpDate went back in time',
    );
    fails(
      'lastOpDateNotEarlier',
      ok(organization({ state: 'Disabled', lastOpDate: 'Jan 5, 2017 11:51:16 PM' }), undefined, {
        sent: { stateEvent: 'disable' },
        before,
      }),
      'reply lastOpDate went back in time',
    );
  });
});

test.describe('updateAppliesSentFields', () => {
  const b = flowCollection();
  test('passes a trimmed name, "TRUE" for isDefault, flows in chain order', () => {
    passes(
      'updateAppliesSentFields',
      ok({ ...b, name: 'a b' }, 'UpdateIAM2TicketFlowCollection', { sent: { name: '  a b  ' }, before: b }),
    );
    passes(
      'updateAppliesSentFields',
      ok({ ...b, isDefault: true }, 'UpdateIAM2TicketFlowCollection', { sent: { isDefault: 'TRUE' }, before: b }),
    );
    const f1 = {
      uuid: '1'.repeat(32),
      name: 'one',
      approverUuid: 'a'.repeat(32),
      collectionUuid: b['uuid'],
      valid: true,
      flowContext: '',
      flowContextType: '',
      createDate: 'Jan 6, 2017 3:51:16 AM',
      lastOpDate: 'Jan 6, 2017 3:51:16 AM',
    };
    const f2 = { ...f1, uuid: '2'.repeat(32), name: 'two', parentFlowUuid: '1'.repeat(32) };
    passes(
      'updateAppliesSentFields',
      ok({ ...b, flows: [f2, f1] }, 'UpdateIAM2TicketFlowCollection', {
        sent: {
          flows: [
            { name: 'one', approverUuid: 'a'.repeat(32) },
            { name: 'two', approverUuid: 'a'.repeat(32) },
          ],
        },
        before: b,
      }),
    );
  });
  test('fails an ignored name and flows in the wrong order', () => {
    fails(
      'updateAppliesSentFields',
      ok(b, 'UpdateIAM2TicketFlowCollection', { sent: { name: 'new' }, before: b }),
      'reply does not show the name sent',
    );
    const f1 = { uuid: '1'.repeat(32), name: 'one', approverUuid: 'a'.repeat(32) };
    const f2 = { ...f1, uuid: '2'.repeat(32), name: 'two', parentFlowUuid: '1'.repeat(32) };
    fails(
      'updateAppliesSentFields',
      ok({ ...b, flows: [f1, f2] }, 'UpdateIAM2TicketFlowCollection', {
        sent: {
          flows: [
            { name: 'two', approverUuid: 'a'.repeat(32) },
            { name: 'one', approverUuid: 'a'.repeat(32) },
          ],
        },
        before: b,
      }),
      'reply does not show the flows sent',
    );
  });
});

test.describe('queryAgreesWithReply', () => {
  test('passes an equal query, fails a stale one and a missing one', () => {
    passes(
      'queryAgreesWithReply',
      ok(organization({ state: 'Disabled' }), undefined, {
        sent: { stateEvent: 'disable' },
        after: organization({ state: 'Disabled' }),
      }),
    );
    fails(
      'queryAgreesWithReply',
      ok(organization({ state: 'Disabled' }), undefined, { sent: { stateEvent: 'disable' }, after: organization() }),
      'query differs from the reply',
    );
    fails(
      'queryAgreesWithReply',
      ok(organization({ state: 'Disabled' }), undefined, { sent: { stateEvent: 'disable' }, after: null }),
      'query does not find the resource the call returned',
    );
  });
});

test.describe('querySchemaMapForSdk', () => {
  const q = (b: unknown) => observation('QueryIAM2Organization', exchange('QueryIAM2Organization', response(200, b)));
  const cls = 'org.zstack.iam2.entity.IAM2OrganizationInventory';
  test('passes the documented example map (docs/zstack-protocol.md#the-schema-map), and an empty list without one', () => {
    passes(
      'querySchemaMapForSdk',
      q({
        inventories: [organization()],
        schema: {
          'inventories[0]': cls,
          'inventories[0].attributes[0]': 'org.zstack.iam2.entity.IAM2OrganizationAttributeInventory',
        },
      }),
    );
    notApplicable('querySchemaMapForSdk', q({ inventories: [] }));
  });
  test('fails no map, a wrong class, a child before its parent', () => {
    fails('querySchemaMapForSdk', q({ inventories: [organization()] }), 'query reply without a schema map');
    fails(
      'querySchemaMapForSdk',
      q({ inventories: [organization()], schema: { 'inventories[0]': 'java.util.Map' } }),
      'schema map does not type every inventory',
      // no class SourceClassMap holds (contracts/sdk/source-class-map.json)
      'schema map names classes the SDK does not know',
    );
    fails(
      'querySchemaMapForSdk',
      q({
        inventories: [organization()],
        schema: {
          'inventories[0].attributes[0]': 'org.zstack.iam2.entity.IAM2OrganizationAttributeInventory',
          'inventories[0]': cls,
        },
      }),
      'schema map lists children before their parents',
    );
  });
});

test.describe('querySchemaMapForSdk over the SDK class tree (SourceClassMap, x-sdk-class, x-sdk-extends)', () => {
  // a real QueryHost answers KVMHostInventory rows: the SDK reads them as its KVMHostInventory, a HostInventory
  const host = (name: string, sdk: string, parent?: string) => ({
    $id: `urn:zstack:${name}`,
    'x-zstack-class':
      name === 'HostInventory' ? 'org.zstack.header.host.HostInventory' : 'org.zstack.kvm.KVMHostInventory',
    'x-sdk-class': sdk,
    ...(parent ? { 'x-sdk-extends': parent } : {}),
    type: 'object',
  });
  const tree: Contracts = {
    ...contracts,
    schemas: new Map([
      ...contracts.schemas,
      ['HostInventory', host('HostInventory', 'org.zstack.sdk.HostInventory')],
      ['KVMHostInventory', host('KVMHostInventory', 'org.zstack.sdk.KVMHostInventory', 'org.zstack.sdk.HostInventory')],
    ]),
    classMap: new Map([
      ['org.zstack.header.host.HostInventory', 'org.zstack.sdk.HostInventory'],
      ['org.zstack.kvm.KVMHostInventory', 'org.zstack.sdk.KVMHostInventory'],
      ['org.zstack.header.vm.VmInstanceInventory', 'org.zstack.sdk.VmInstanceInventory'],
      ['org.zstack.iam2.entity.IAM2OrganizationInventory', 'org.zstack.sdk.iam2.entity.IAM2OrganizationInventory'],
    ]),
  };
  const registry = new SchemaRegistry(tree, '5.0.0');
  const queryApi = (schema: string): ApiDescriptor => ({
    ...(contracts.apis.get('QueryIAM2Organization') as ApiDescriptor),
    name: `Query${schema}`,
    reply: { body: 'inventories', schema },
  });
  const judge = (schema: string, map: Record<string, string>) => {
    const o: Observation = {
      api: queryApi(schema),
      exchange: exchange('QueryHost', response(200, { inventories: [{ uuid: 'a'.repeat(32) }], schema: map })),
      sent: {},
      expect: { kind: 'success' },
    };
    return checkNamed('querySchemaMapForSdk').run(o, { schemas: registry });
  };
  test('passes the very class and a subclass of its SDK class', () => {
    expect(judge('HostInventory', { 'inventories[0]': 'org.zstack.header.host.HostInventory' })).toEqual([]);
    expect(judge('HostInventory', { 'inventories[0]': 'org.zstack.kvm.KVMHostInventory' })).toEqual([]);
  });
  test('fails a parent for its child, an unrelated class, and a class SourceClassMap does not know', () => {
    const titles = (out: ReturnType<typeof judge>) => (Array.isArray(out) ? out.map((v) => v.title) : out);
    expect(titles(judge('KVMHostInventory', { 'inventories[0]': 'org.zstack.header.host.HostInventory' }))).toEqual([
      'schema map does not type every inventory',
    ]);
    expect(titles(judge('HostInventory', { 'inventories[0]': 'org.zstack.header.vm.VmInstanceInventory' }))).toEqual([
      'schema map does not type every inventory',
    ]);
    expect(
      titles(
        judge('HostInventory', {
          'inventories[0]': 'org.zstack.kvm.KVMHostInventory',
          'inventories[0].nics[0]': 'org.zstack.header.NoSuchInventory',
        }),
      ),
    ).toEqual(['schema map names classes the SDK does not know']);
  });
});

test.describe('replyMatchesSchema in a query: the field named; advisory where the schema is only guessed', () => {
  const rows = (api: ApiDescriptor) => ({
    api,
    exchange: exchange(api.name, response(200, { inventories: [organization(), organization({ name: 5 })] })),
    sent: {},
    expect: { kind: 'success' as const },
  });
  const query = contracts.apis.get('QueryIAM2Organization') as ApiDescriptor;
  test('a doc-template or hand-written schema: required, naming inventories[1].name', () => {
    const [v] = fails('replyMatchesSchema', rows(query), 'inventories[1] does not match IAM2OrganizationInventory');
    expect(v.received).toBe('inventories[1].name: must be string');
    expect(v.severity).toBe('required');
  });
  test('an sdk-name schema: the same finding, advisory, and its result advisory too', () => {
    const guessed = { ...query, reply: { ...query.reply, schemaSource: 'sdk-name' as const } };
    const [r] = runChecks([rows(guessed)], { schemas }, [checkNamed('replyMatchesSchema')]);
    expect(r).toMatchObject({ status: 'fail', severity: 'advisory' });
    expect(r.violations.map((v) => [v.severity, v.received])).toEqual([
      ['advisory', 'inventories[1].name: must be string'],
    ]);
  });
});

test.describe('session, rejection and delete rules', () => {
  test('invalidSessionRejected: ID.1001 through the job passes; 401 and success fail', () => {
    passes(
      'invalidSessionRejected',
      failed({ error: { code: 'ID.1001', description: 'invalid session' } }, undefined, {
        expect: { kind: 'invalid-session' },
      }),
    );
    fails(
      'invalidSessionRejected',
      observation('ChangeIAM2OrganizationState', exchange('x', response(401, 'Unauthorized')), {
        expect: { kind: 'invalid-session' },
      }),
      'invalid session not rejected as ID.1001',
    );
    fails(
      'invalidSessionRejected',
      ok(organization(), undefined, { expect: { kind: 'invalid-session' } }),
      'invalid session not rejected as ID.1001',
    );
  });
  test('rejectedWithErrorCode: the code counts, not the text', () => {
    const e = { kind: 'api-rejection', code: 'SYS.1007', why: 'x' } as const;
    passes(
      'rejectedWithErrorCode',
      failed({ error: { code: 'SYS.1007', description: '参数错误' } }, undefined, { expect: e }),
    );
    fails('rejectedWithErrorCode', ok(organization(), undefined, { expect: e }), 'x not rejected with SYS.1007');
    fails(
      'rejectedWithErrorCode',
      failed({ error: { code: 'SYS.1000', description: 'x' } }, undefined, { expect: e }),
      'x not rejected with SYS.1007',
    );
  });
  test('restLayerRejection: a plain 400 passes; 500 passes only where allowed; a job fails', () => {
    const e = (statuses: number[]) => ({ expect: { kind: 'rest-rejection' as const, statuses, why: 'x' } });
    passes(
      'restLayerRejection',
      observation(
        'ChangeIAM2OrganizationState',
        exchange('x', response(400, "the body doesn't contain action mapping to the URL[/v1/x]")),
        e([400]),
      ),
    );
    passes(
      'restLayerRejection',
      observation(
        'ChangeIAM2OrganizationState',
        exchange('x', response(500, 'com.google.gson.JsonSyntaxException')),
        e([400, 500]),
      ),
    );
    fails(
      'restLayerRejection',
      observation('ChangeIAM2OrganizationState', exchange('x', response(500, 'x')), e([400])),
      'x not refused by the REST layer',
    );
    fails('restLayerRejection', ok(organization(), undefined, e([400])), 'x not refused by the REST layer');
  });
  test('repeatedDeleteSucceeds and resourceGoneAfterDelete', () => {
    passes(
      'repeatedDeleteSucceeds',
      observation('DeleteIAM2Organization', exchange('x', response(200, {}), { async: true }), {
        expect: { kind: 'repeat-delete' },
      }),
    );
    fails(
      'repeatedDeleteSucceeds',
      observation(
        'DeleteIAM2Organization',
        exchange('x', response(503, { error: { code: 'SYS.1003', description: 'x' } }), { async: true }),
        { expect: { kind: 'repeat-delete' } },
      ),
      'second delete failed',
    );
    passes(
      'resourceGoneAfterDelete',
      observation('DeleteIAM2Organization', exchange('x', response(200, {}), { async: true }), { after: null }),
    );
    fails(
      'resourceGoneAfterDelete',
      observation('DeleteIAM2Organization', exchange('x', response(200, {}), { async: true }), {
        after: organization(),
      }),
      'deleted resource still answers',
    );
    notApplicable(
      'resourceGoneAfterDelete',
      observation('DeleteIAM2Project', exchange('x', response(200, {}), { async: true }), {
        after: { uuid: 'x', state: 'Deleted' },
      }),
    );
  });
  // docs/zstack-protocol.md#projects: a deleted project keeps answering, state Deleted (the SDK's ProjectState), until
  // expunged
  test('softDeletedStaysQueryable and expungedResourceGone: a project between its delete and its expunge', () => {
    const project = (state: string) => ({
      uuid: '0f1e2d3c4b5a49688796a5b4c3d2e1f0',
      name: 'p',
      state,
      linkedAccountUuid: 'f'.repeat(32),
      attributes: [],
      createDate: 'Jan 6, 2017 3:51:16 AM',
      lastOpDate: 'Jan 6, 2017 3:51:16 AM',
    });
    const deleted = (after: Record<string, unknown> | null) =>
      observation('DeleteIAM2Project', exchange('x', response(200, {}), { async: true }), {
        before: project('Enabled'),
        after,
      });
    passes('softDeletedStaysQueryable', deleted(project('Deleted')));
    fails('softDeletedStaysQueryable', deleted(null), 'deleted resource vanished before its expunge');
    fails('softDeletedStaysQueryable', deleted(project('Enabled')), 'state not Deleted after delete');
    // a one-step delete, a delete of what did not exist, and a refused delete are not this rule's business
    notApplicable(
      'softDeletedStaysQueryable',
      observation('DeleteIAM2Organization', exchange('x', response(200, {}), { async: true }), {
        before: organization(),
        after: null,
      }),
    );
    notApplicable(
      'softDeletedStaysQueryable',
      observation('DeleteIAM2Project', exchange('x', response(200, {}), { async: true }), { after: null }),
    );
    notApplicable(
      'softDeletedStaysQueryable',
      observation(
        'DeleteIAM2Project',
        exchange('x', response(503, { error: { code: 'SYS.1006', description: 'x' } }), { async: true }),
        { before: project('Enabled'), after: null },
      ),
    );
    const expunged = (after: Record<string, unknown> | null) =>
      observation('ExpungeIAM2Project', exchange('x', response(200, {}), { async: true }), {
        before: project('Deleted'),
        after,
      });
    passes('expungedResourceGone', expunged(null));
    fails('expungedResourceGone', expunged(project('Deleted')), 'expunged resource still answers');
    notApplicable(
      'expungedResourceGone',
      observation(
        'ExpungeIAM2Project',
        exchange('x', response(503, { error: { code: 'SYS.1003', description: 'x' } }), { async: true }),
        { after: project('Deleted') },
      ),
    );
  });
});

test.describe('advisory checks', () => {
  test('timestampsParseableBySdk flags only the Java 20+ U+202F spelling', () => {
    passes('timestampsParseableBySdk', ok(organization({ createDate: 'Jan 6, 2017, 3:51:16 AM' })));
    fails(
      'timestampsParseableBySdk',
      ok(organization({ createDate: 'Jan 6, 2017, 3:51:16\u202fAM' })),
      'timestamps the official SDK cannot parse',
    );
    expect(checkNamed('timestampsParseableBySdk').severity).toBe('advisory');
  });
  test('inferredFieldsPresent flags a missing srcType/attributes only as advisory', () => {
    passes('inferredFieldsPresent', ok(organization()));
    const { attributes: _, ...bare } = organization();
    fails('inferredFieldsPresent', ok(bare), 'IAM2OrganizationInventory without inferred fields');
    passes('replyMatchesSchema', ok(bare));
  });
  test('asyncAnsweredAsJob flags a direct 200 of an async API', () => {
    fails(
      'asyncAnsweredAsJob',
      observation('ChangeIAM2OrganizationState', exchange('x', response(200, { inventory: organization() }))),
      'asynchronous API answered directly',
    );
    notApplicable('asyncAnsweredAsJob', ok(organization()));
  });
});
