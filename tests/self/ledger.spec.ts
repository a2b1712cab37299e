// The run's ledger of creates (src/resources/ledger.ts) and its replay (ledger-replay.ts), against a reference
// server in this process: every create is on disk before its result returns, whoever sends it (the kit, a
// property's observe(), a plain call); a create in flight when its process died is found through its job or
// its name; a crashed worker's ledger is replayed to nothing, projects expunged, and the ledger removed.
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config.ts';
import { openSuite, type Suite } from '../../src/suite.ts';
import { newUuid } from '../../src/client/zstack-client.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { observe } from '../../src/observe/observe.ts';
import { CreateLedger, outstanding, readLedger } from '../../src/resources/ledger.ts';
import { replayLedger } from '../../src/resources/ledger-replay.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference-server/server.ts';

async function withLedger(
  body: (suite: Suite, ledger: CreateLedger, ref: ReferenceServer, runId: string) => Promise<void>,
): Promise<void> {
  const ref = await startReferenceServer({});
  const runId = `led${Date.now().toString(36).slice(-5)}`;
  const suite = await openSuite({ ...readConfig({ ZSTACK_RUN_ID: runId }), baseUrl: ref.url });
  const ledger = new CreateLedger(join(mkdtempSync(join(tmpdir(), 'zc-ledger-')), runId, 'ledger.jsonl'));
  suite.zs.guards.push(ledger);
  try {
    await body(suite, ledger, ref, runId);
  } finally {
    await suite.close();
    await ref.close();
  }
}

const createdUuids = (ledger: CreateLedger) =>
  readLedger(ledger.path)
    .filter((e) => e.op === 'created')
    .map((e) => (e as { uuid: string }).uuid);

test('every create is in the ledger before its result returns, whoever sends it', async () => {
  await withLedger(async (suite, ledger) => {
    const kit = new ResourceKit(suite.zs);
    const viaKit = await kit.organization();
    expect(createdUuids(ledger)).toContain(viaKit['uuid']);
    const [viaObserve] = await observe(suite.zs, 'CreateIAM2Organization', { name: kit.name('obs'), type: 'Company' });
    const observed = (viaObserve.exchange.final.json as { inventory: { uuid: string } }).inventory.uuid;
    expect(createdUuids(ledger)).toContain(observed);
    const plain = await suite.zs.call('CreateIAM2Organization', { name: kit.name('plain'), type: 'Company' });
    const plainUuid = (plain.final.json as { inventory: { uuid: string } }).inventory.uuid;
    expect(createdUuids(ledger)).toContain(plainUuid);
    // each create went out with the X-Job-UUID its intent line names
    const intents = readLedger(ledger.path).filter((e) => e.op === 'intent');
    expect(intents).toHaveLength(3);
    for (const x of [plain])
      expect(intents.map((i) => (i as { jobUuid?: string }).jobUuid)).toContain(
        x.hops[0].request.headers['X-Job-UUID'],
      );
    kit.adopt('IAM2Organization', observed);
    kit.adopt('IAM2Organization', plainUuid);
    await kit.cleanup();
    expect(outstanding(readLedger(ledger.path)).uuids).toEqual([]);
  });
});

test('creates in flight when their process died are found through their job, or by their name, and deleted', async () => {
  await withLedger(async (suite, ledger, ref, runId) => {
    // a create whose answer the dead process never read: only its intent line (with its job uuid) was written
    const jobUuid = newUuid();
    const inFlight = `zc-${runId}-inflight-1`;
    ledger.append({ op: 'intent', resource: 'IAM2Project', name: inFlight, jobUuid });
    const projectCreate = suite.zs.api('CreateIAM2Project');
    await suite.zs.transport.send({
      method: 'POST',
      url: `${ref.url}/zstack${projectCreate.path}`,
      headers: {
        Authorization: `OAuth ${suite.zs.session}`,
        'X-Job-UUID': jobUuid,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ params: { name: inFlight } }),
    });
    // a name reserved for the pact verifier's create, which this process never saw answered
    const reserved = new ResourceKit(suite.zs).reserveName('IAM2Organization', 'pact-org');
    await suite.zs.transport.send({
      method: 'POST',
      url: `${ref.url}/zstack/v1/iam2/organizations`,
      headers: { Authorization: `OAuth ${suite.zs.session}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ params: { name: reserved, type: 'Company' } }),
    });
    await new Promise((r) => setTimeout(r, 100)); // let the jobs finish
    expect(
      ref
        .resources()
        .map((r) => r.name)
        .sort(),
    ).toEqual([inFlight, reserved].sort());
    const replay = await replayLedger(suite.zs, ledger.path);
    expect(replay.problems).toEqual([]);
    expect(replay.deleted).toBe(2);
    expect(ref.resources(), 'the project is expunged, not only deleted').toEqual([]);
    expect(existsSync(ledger.path)).toBe(false);
  });
});

test("a crashed worker's ledger is replayed: everything it made is deleted, newest first, projects expunged", async () => {
  await withLedger(async (suite, ledger, ref) => {
    const kit = new ResourceKit(suite.zs);
    await kit.flowCollection();
    await kit.organization();
    expect(ref.resources()).toHaveLength(4);
    // the worker dies here: no kit.cleanup(); the teardown has only the ledger
    const replay = await replayLedger(suite.zs, ledger.path);
    expect(replay).toEqual({ deleted: 4, problems: [], remaining: 0 });
    expect(ref.resources()).toEqual([]);
    // a second replay (e.g. the janitor after the teardown) finds nothing to do
    expect(await replayLedger(suite.zs, ledger.path)).toEqual({ deleted: 0, problems: [], remaining: 0 });
  });
});
