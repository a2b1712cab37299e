// The reference server's queries (docs/zstack-protocol.md#query-language): conditions, sort, paging, count, fields, the
// schema map, and what it refuses.
import { expect, test } from '@playwright/test';
import { Client, COLLS, hex32, ORGS, type RawJson, serverPerFile } from '../../fixtures/reference-client.ts';

const shared = serverPerFile();
const c = shared.client;

test.describe('queries', () => {
  const tag = hex32().slice(0, 8);
  const names = [`q${tag}-Alpha`, `q${tag}-beta`, `q${tag}-Gamma`, `q${tag}-delta_x`];
  const orgs: RawJson[] = [];
  const q = (s: string) => `${ORGS}?q=${encodeURIComponent(`name~=q${tag}-%`)}&${s}`;

  test.beforeAll(async () => {
    for (const [i, name] of names.entries())
      orgs.push(
        await c.org({
          name,
          description: i % 2 === 0 ? `desc ${i}` : undefined,
          attributes: [{ name: 'a', value: `v${i}` }],
        }),
      );
  });

  test('reply shape: inventories + schema map, parents before children', async () => {
    const r = await c.query(q('sort=name'));
    expect(r.status).toBe(200);
    expect(r.contentType).toBeNull();
    expect(r.json.inventories).toHaveLength(4);
    expect(r.json).not.toHaveProperty('total');
    const keys = Object.keys(r.json.schema);
    expect(keys.slice(0, 2)).toEqual(['inventories[0]', 'inventories[0].attributes[0]']);
    expect(r.json.schema['inventories[3]']).toBe('org.zstack.iam2.entity.IAM2OrganizationInventory');
    expect(r.json.schema['inventories[3].attributes[0]']).toBe(
      'org.zstack.iam2.entity.IAM2OrganizationAttributeInventory',
    );
  });

  test('conditions: case-insensitive =, != skips NULL, like, in, is null, nested fields', async () => {
    const names$ = async (s: string) => ((await c.query(q(s))).json.inventories as RawJson[]).map((i) => i.name).sort();
    expect(await names$(`q=${encodeURIComponent(`name=Q${tag}-ALPHA `)}`)).toEqual([names[0]]);
    expect(await names$(`q=${encodeURIComponent('description!=desc 0')}`)).toEqual([names[2]]);
    expect(await names$('q=description%20is%20null')).toEqual([names[1], names[3]].sort());
    expect(await names$('q=description%20not%20null')).toEqual([names[0], names[2]].sort());
    expect(await names$(`q=${encodeURIComponent(`name?=${names[1]},${names[2]}`)}`)).toEqual(
      [names[1], names[2]].sort(),
    );
    expect(await names$(`q=${encodeURIComponent(`name!?=${names[1]},${names[2]}`)}`)).toEqual(
      [names[0], names[3]].sort(),
    );
    expect(await names$(`q=${encodeURIComponent('name~=%\\_x')}`)).toEqual([names[3]]);
    expect(await names$(`q=${encodeURIComponent('name!~=%a')}`)).toEqual([names[3]]);
    expect(await names$(`q=${encodeURIComponent('attributes.value=v2')}`)).toEqual([names[2]]);
    expect(await names$(`q=${encodeURIComponent('state=enabled')}&q=${encodeURIComponent('type=Company')}`)).toEqual(
      [...names].sort(),
    );
  });

  test('sort, limit, start, count, replyWithCount, fields', async () => {
    const asc = (await c.query(q('sort=%2Bname'))).json.inventories.map((i: RawJson) => i.name);
    expect(asc).toEqual([names[0], names[1], names[3], names[2]]);
    const desc = (await c.query(q('sort=-name&limit=2&start=1&replyWithCount=true'))).json;
    expect(desc.inventories.map((i: RawJson) => i.name)).toEqual([names[3], names[1]]);
    expect(desc.total).toBe(4);
    const count = (await c.query(q('count=TRUE&limit=1'))).json;
    expect(count).toEqual({ total: 4, schema: {} });
    const fields = (await c.query(q('fields=name,%20description&sort=name'))).json.inventories;
    expect(fields[0]).toEqual({ name: names[0], description: 'desc 0' });
    expect(fields[1]).toEqual({ name: names[1] });
    expect((await c.query(q('limit=0'))).json.inventories).toEqual([]);
    expect((await c.query(q('limit=%2B2'))).json.inventories).toHaveLength(2);
    // ignored parameters
    expect((await c.query(q('condition=name=zzz&sortBy=name'))).json.inventories).toHaveLength(4);
  });

  test('400 for malformed conditions and limits; 503 SYS.1000 for unknown fields and negatives', async () => {
    for (const s of ['q=name', 'q=%3Dx', 'limit=1.0', 'limit=abc', 'start=', 'fields=,']) {
      const r = await c.query(`${ORGS}?${s}`);
      expect(r.status, s).toBe(400);
      expect(r.json, s).toBeUndefined();
    }
    // `  =x` and `is null` split into an empty field, which only ZQL refuses (docs/zstack-protocol.md#query-errors)
    for (const s of [
      'q=nope%3D1',
      'sort=nope',
      'fields=nope',
      'limit=-1',
      'start=-1',
      "q=name%3Da'b",
      'sort=',
      'q=%20%20%3Dx',
      'q=%20%3Ex',
      'q=is%20null',
    ]) {
      const r = await c.query(`${ORGS}?${s}`);
      expect(r.status, s).toBe(503);
      expect(r.json.error.code, s).toBe('SYS.1000');
    }
    const bad = new Client(shared.server().url);
    bad.session = hex32();
    expect((await bad.query(`${ORGS}?q=name`)).status).toBe(400);
  });

  test('timestamps compare as MySQL datetimes; tags match case-insensitively', async () => {
    const count = async (s: string) => (await c.query(q(`count=true&${s}`))).json.total;
    expect(await count(`q=${encodeURIComponent('createDate>2000-01-01 00:00:00')}`)).toBe(4);
    expect(await count(`q=${encodeURIComponent('createDate<20000101000000')}`)).toBe(0);
    // the display format is not a date: the zero date, so `>` and `!=` match every row, `=` none
    expect(await count(`q=${encodeURIComponent(`createDate=${orgs[0].createDate}`)}`)).toBe(0);
    expect(await count(`q=${encodeURIComponent(`createDate!=${orgs[0].createDate}`)}`)).toBe(4);
    const tagged = (
      await c.ok('POST', ORGS, { params: { name: `t-${tag}`, type: 'Company' }, userTags: ['Red'], systemTags: [] })
    ).inventory;
    const withTag = (await c.query(`${ORGS}?q=__userTag__=red&q=name=t-${tag}`)).json.inventories;
    expect(withTag.map((i: RawJson) => i.uuid)).toEqual([tagged.uuid]);
    expect(await count('q=__userTag__!=red')).toBe(4);
    expect((await c.raw('POST', ORGS, { params: { name: 'x', type: 'Company' }, userTags: 'Red' })).status).toBe(500);
  });

  test('GET .../{uuid} ignores parameters; unknown uuid is an empty list', async () => {
    const r = (await c.query(`${ORGS}/${orgs[0].uuid}?count=true&q=name=zzz&fields=uuid`)).json;
    expect(r.inventories).toHaveLength(1);
    expect(r.inventories[0].name).toBe(names[0]);
    expect((await c.query(`${ORGS}/${hex32()}`)).json).toEqual({ inventories: [], schema: {} });
  });

  test('flow collection queries: boolean values and the flows in the schema map', async () => {
    const { coll } = await c.collection({ isDefault: true });
    const r = (await c.query(`${COLLS}?q=uuid=${coll.uuid}&q=isDefault=TRUE`)).json;
    expect(r.inventories).toHaveLength(1);
    expect(Object.keys(r.schema)).toEqual(['inventories[0]', 'inventories[0].flows[0]']);
    expect((await c.query(`${COLLS}?q=uuid=${coll.uuid}&q=isDefault=yes`)).json.error.code).toBe('SYS.1000');
    expect((await c.query(`${COLLS}?q=uuid=${coll.uuid}&q=isDefault?=true`)).json.inventories).toEqual([]);
  });
});
