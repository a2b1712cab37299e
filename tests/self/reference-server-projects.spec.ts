// The reference server's IAM2 projects and ticket flow collections: unique names, flows approved by member virtual
// IDs, updates, and expunging.
import { expect, test } from '@playwright/test';
import { COLLS, hex32, UUID, type RawJson, serverPerFile } from '../../fixtures/reference-client.ts';

const shared = serverPerFile();
const c = shared.client;

test.describe('projects and flow collections', () => {
  test('project names are unique (case-insensitive) until expunged', async () => {
    const name = `Proj-${hex32()}`;
    const p = await c.project(name);
    expect(p).toMatchObject({ state: 'Enabled', linkedAccountUuid: expect.stringMatching(UUID) });
    const dup = await c.call('POST', '/zstack/v1/iam2/projects', { params: { name: name.toLowerCase() + '  ' } });
    expect(dup.json.error).toMatchObject({ code: 'SYS.1007' });
    expect(dup.json.error.details).toContain('duplicate project name');
    expect(await c.ok('DELETE', `/zstack/v1/iam2/projects/${p.uuid}`)).toEqual({});
    expect((await c.call('POST', '/zstack/v1/iam2/projects', { params: { name } })).json.error.code).toBe('SYS.1007');
    expect(await c.ok('PUT', `/zstack/v1/iam2/projects/${p.uuid}/actions`, { expungeIAM2Project: {} })).toEqual({});
    expect((await c.project(name)).name).toBe(name);
  });

  test('a flow collection needs >= 1 flow approved by a member virtual ID', async () => {
    const project = await c.project();
    const outsider = await c.vid();
    const base = { projectUuid: project.uuid, name: 'c' };
    const none = await c.call('POST', COLLS, { params: { ...base, flows: [] } });
    expect(none.json.error).toMatchObject({
      code: 'SYS.1007',
      details: 'at least one flow is needed for create flow collection',
    });
    expect((await c.call('POST', COLLS, { params: base })).json.error.details).toBe(
      'at least one flow is needed for create flow collection',
    );
    const ghost = hex32();
    const notVid = await c.call('POST', COLLS, { params: { ...base, flows: [{ name: 'f', approverUuid: ghost }] } });
    expect(notVid.json.error.details).toBe(`can not find IAM2VirtualIDVO[uuid:${ghost}]`);
    const notMember = await c.call('POST', COLLS, {
      params: { ...base, flows: [{ name: 'f', approverUuid: outsider.uuid }] },
    });
    expect(notMember.json.error.details).toBe(
      `virtual id[uuid:${outsider.uuid}] not belong to project[uuid:${project.uuid}]`,
    );
    expect(
      (await c.call('POST', COLLS, { params: { ...base, flows: [{ approverUuid: outsider.uuid }] } })).json.error
        .details,
    ).toBe('name cannot be null');
    expect((await c.call('POST', COLLS, { params: { ...base, flows: [{ name: 'f' }] } })).json.error.details).toBe(
      'approverUuid cannot be null',
    );
    expect(
      (
        await c.call('POST', COLLS, {
          params: { ...base, projectUuid: hex32(), flows: [{ name: 'f', approverUuid: outsider.uuid }] },
        })
      ).json.error.code,
    ).toBe('SYS.1003');
    // joining the project makes it valid
    expect(
      await c.ok('POST', `/zstack/v1/iam2/projects/${project.uuid}/virtual-ids`, {
        params: { virtualIDUuids: [outsider.uuid] },
      }),
    ).toEqual({});
    const vid2 = await c.vid(project.uuid);
    const r = await c.call(
      'POST',
      COLLS,
      {
        params: {
          ...base,
          flows: [
            { name: 'f1', approverUuid: outsider.uuid },
            { name: 'f2', description: 'second', approverUuid: vid2.uuid },
          ],
        },
      },
      { 'X-JSON-Schema': 'true' },
    );
    expect(r.status).toBe(200);
    const coll = r.json.inventory;
    expect(coll).toMatchObject({
      state: 'Enabled',
      status: 'Valid',
      isDefault: false,
      projectUuid: project.uuid,
      ticketTypeUuids: [],
    });
    expect(coll).not.toHaveProperty('description');
    expect(coll.flows[0]).toMatchObject({
      name: 'f1',
      collectionUuid: coll.uuid,
      approverUuid: outsider.uuid,
      valid: true,
      flowContextType: expect.any(String),
      flowContext: expect.any(String),
    });
    expect(coll.flows[0]).not.toHaveProperty('parentFlowUuid');
    expect(coll.flows[1].parentFlowUuid).toBe(coll.flows[0].uuid);
    expect(Object.entries(r.json.schema)).toEqual([
      ['inventory', 'org.zstack.ticket.iam2.entity.IAM2TicketFlowCollectionInventory'],
      ['inventory.flows[0]', 'org.zstack.ticket.iam2.entity.IAM2TicketFlowInventory'],
      ['inventory.flows[1]', 'org.zstack.ticket.iam2.entity.IAM2TicketFlowInventory'],
    ]);
  });

  test('update changes only the fields sent; flows are replaced and re-validated', async () => {
    const { coll, vid } = await c.collection({ description: 'keep me' });
    const path = `${COLLS}/${coll.uuid}/actions`;
    const u1 = (await c.ok('PUT', path, { updateIAM2TicketFlowCollection: { name: ' renamed ' } })).inventory;
    expect(u1).toMatchObject({
      name: 'renamed',
      description: 'keep me',
      isDefault: false,
      flows: coll.flows,
      createDate: coll.createDate,
    });
    const u2 = (
      await c.ok('PUT', path, {
        updateIAM2TicketFlowCollection: {
          flows: [
            { name: 'n1', approverUuid: vid.uuid },
            { name: 'n2', approverUuid: vid.uuid },
          ],
        },
      })
    ).inventory;
    expect(u2.flows.map((f: RawJson) => f.name)).toEqual(['n1', 'n2']);
    expect(u2.flows[0].uuid).not.toBe(coll.flows[0].uuid);
    expect(
      (await c.call('PUT', path, { updateIAM2TicketFlowCollection: { flows: [{ name: 'x', approverUuid: hex32() }] } }))
        .json.error.code,
    ).toBe('SYS.1007');
    expect(
      (await c.call('PUT', path, { updateIAM2TicketFlowCollection: { name: 'z'.repeat(256) } })).json.error.code,
    ).toBe('SYS.1007');
    const q = (await c.query(`${COLLS}/${coll.uuid}`)).json.inventories[0];
    expect(q.name).toBe('renamed');
    const s = (await c.ok('PUT', path, { changeTicketFlowCollectionState: { stateEvent: 'disable' } })).inventory;
    expect(s.state).toBe('Disabled');
  });

  test('expunging a project removes its flow collections', async () => {
    const { project, coll } = await c.collection();
    await c.ok('DELETE', `/zstack/v1/iam2/projects/${project.uuid}`);
    expect((await c.query(`${COLLS}/${coll.uuid}`)).json.inventories).toHaveLength(1);
    await c.ok('PUT', `/zstack/v1/iam2/projects/${project.uuid}/actions`, { expungeIAM2Project: {} });
    expect((await c.query(`${COLLS}/${coll.uuid}`)).json.inventories).toEqual([]);
    expect(
      (await c.call('PUT', `/zstack/v1/iam2/projects/${project.uuid}/actions`, { expungeIAM2Project: {} })).json.error
        .code,
    ).toBe('SYS.1003');
  });
});
