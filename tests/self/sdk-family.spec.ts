// The reference server serves the family the official Java SDK drives around the seeds, as that SDK sends it:
// X-JSON-Schema and X-Job-UUID on every call, typed queries of projects and virtual IDs through the `schema`
// map, and virtual IDs that keep their type and attributes.
import { expect, test } from '@playwright/test';
import { createHash, randomUUID } from 'node:crypto';
import { startReferenceServer } from '../../reference-server/server.ts';

// reply bodies are probed field by field as raw JSON (a typed client would duplicate the schemas the server must not
// import)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;

test('projects and virtual IDs are queried typed, virtual IDs keep type and attributes, X-Job-UUID names the job', async () => {
  const server = await startReferenceServer();
  try {
    const call = async (method: string, path: string, body?: unknown, session?: string) => {
      const jobUuid = randomUUID().replace(/-/g, '');
      const headers: Record<string, string> = {
        'X-JSON-Schema': 'true',
        'Content-Type': 'application/json;charset=UTF-8',
      };
      if (method !== 'GET') headers['X-Job-UUID'] = jobUuid;
      if (session) headers.Authorization = `OAuth ${session}`;
      const first = await fetch(server.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await first.json()) as Record<string, RawJson>;
      if (first.status !== 202) return { status: first.status, json };
      expect(json.location).toMatch(new RegExp(`/zstack/v1/api-jobs/${jobUuid}$`));
      const polled = await fetch(server.url + new URL(json.location).pathname, { headers });
      return { status: polled.status, json: (await polled.json()) as Record<string, RawJson> };
    };
    const login = await call('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName: 'admin', password: createHash('sha512').update('password').digest('hex') },
    });
    const session = login.json.inventory.uuid as string;
    const project = await call('POST', '/zstack/v1/iam2/projects', { params: { name: 'sdk-project' } }, session);
    expect(project.status).toBe(200);
    const vid = await call(
      'POST',
      '/zstack/v1/iam2/virtual-ids',
      { params: { name: 'sdk-vid', password: 'pw', type: 'ZStack', attributes: [{ name: 'title', value: 'boss' }] } },
      session,
    );
    expect(vid.status).toBe(200);
    expect(vid.json.inventory.type).toBe('ZStack');
    expect(vid.json.inventory.attributes).toEqual([
      expect.objectContaining({
        name: 'title',
        value: 'boss',
        type: 'Customized',
        virtualIDUuid: vid.json.inventory.uuid,
      }),
    ]);
    expect(vid.json.schema).toEqual({
      inventory: 'org.zstack.iam2.entity.IAM2VirtualIDInventory',
      'inventory.attributes[0]': 'org.zstack.iam2.entity.IAM2VirtualIDAttributeInventory',
    });

    const vids = await call('GET', `/zstack/v1/iam2/virtual-ids?q=uuid=${vid.json.inventory.uuid}`, undefined, session);
    expect(vids.json.inventories).toEqual([vid.json.inventory]);
    expect(Object.entries(vids.json.schema)).toEqual([
      ['inventories[0]', 'org.zstack.iam2.entity.IAM2VirtualIDInventory'],
      ['inventories[0].attributes[0]', 'org.zstack.iam2.entity.IAM2VirtualIDAttributeInventory'],
    ]);
    const projects = await call('GET', `/zstack/v1/iam2/projects/${project.json.inventory.uuid}`, undefined, session);
    expect(projects.json.inventories.map((p: { name: string }) => p.name)).toEqual(['sdk-project']);
    expect(projects.json.schema['inventories[0]']).toBe('org.zstack.iam2.entity.IAM2ProjectInventory');
    // a virtual ID made without a type is a ZStack one
    const plain = await call(
      'POST',
      '/zstack/v1/iam2/virtual-ids',
      { params: { name: 'sdk-vid-2', password: 'pw' } },
      session,
    );
    expect(plain.json.inventory.type).toBe('ZStack');
    expect(plain.json.inventory.attributes).toEqual([]);
  } finally {
    await server.close();
  }
});
