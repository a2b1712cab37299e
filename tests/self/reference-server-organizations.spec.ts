// The reference server's IAM2 organizations: what a create fills in, state events, deletes.
import { expect, test } from '@playwright/test';
import { JAVA8, ORGS, serverPerFile } from '../../fixtures/reference-client.ts';

const shared = serverPerFile();
const c = shared.client;

test.describe('organizations', () => {
  test('create fills the NOT NULL fields; a child gets its root', async () => {
    const root = await c.org({ description: 'd', attributes: [{ name: 'k', value: 'v' }, { name: 'k2' }] });
    expect(root).toMatchObject({
      state: 'Enabled',
      type: 'Company',
      srcType: 'ZStack',
      rootOrganizationUuid: root.uuid,
      description: 'd',
    });
    expect(root.createDate).toMatch(JAVA8);
    expect(root.attributes).toHaveLength(2);
    expect(root.attributes[0]).toMatchObject({
      name: 'k',
      value: 'v',
      type: 'Customized',
      organizationUuid: root.uuid,
    });
    expect(root.attributes[1]).not.toHaveProperty('value');
    const child = await c.org({ type: 'Department', parentUuid: root.uuid });
    const grandchild = await c.org({ type: 'Department', parentUuid: child.uuid });
    expect(grandchild.rootOrganizationUuid).toBe(root.uuid);
    expect((await c.org()).attributes).toEqual([]);
    expect(root).not.toHaveProperty('parentUuid');
  });

  test('state events are idempotent and change nothing else; invalid events are SYS.1007', async () => {
    const org = await c.org();
    const path = `${ORGS}/${org.uuid}/actions`;
    const d1 = (await c.ok('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'disable' } })).inventory;
    const d2 = (await c.ok('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'disable' } })).inventory;
    expect(d1.state).toBe('Disabled');
    expect(d2.state).toBe('Disabled');
    const { state: _s, lastOpDate: _l, ...rest } = d2;
    const { state: _s0, lastOpDate: _l0, ...rest0 } = org;
    expect(rest).toEqual(rest0);
    expect((await c.call('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'Enable' } })).json.error.code).toBe(
      'SYS.1007',
    );
    expect((await c.ok('PUT', path, { changeIAM2OrganizationState: { stateEvent: 'enable' } })).inventory.state).toBe(
      'Enabled',
    );
  });

  test('delete answers {}; a repeat succeeds; a malformed uuid is SYS.1003; deleted ones vanish', async () => {
    const org = await c.org();
    expect(await c.ok('DELETE', `${ORGS}/${org.uuid}?deleteMode=Permissive`)).toEqual({});
    expect(await c.ok('DELETE', `${ORGS}/${org.uuid}`)).toEqual({});
    expect((await c.call('DELETE', `${ORGS}/not-a-uuid`)).json.error.code).toBe('SYS.1003');
    expect((await c.query(`${ORGS}/${org.uuid}`)).json.inventories).toEqual([]);
    const a = await c.call('PUT', `${ORGS}/${org.uuid}/actions`, {
      changeIAM2OrganizationState: { stateEvent: 'enable' },
    });
    expect(a.json.error.code).toBe('SYS.1003');
    // no deleteMode check: the SDK declares none for DeleteIAM2Organization, and no allowed values where it has one
  });
});
