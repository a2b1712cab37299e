// The kit's cleanup against a reference server in this process whose jobs take 150 ms: neighbours of one kind
// that do not name each other are deleted at once, anything a later resource named waits until that one is
// gone, and everything is gone at the end. A send guard (the client's own hook) times every delete.
import { test, expect } from '@playwright/test';
import { readConfig } from '../../src/config.ts';
import type { SendGuard } from '../../src/client/zstack-client.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { finalBody } from '../../src/exchange/exchange.ts';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';

interface Timed {
  api: string;
  uuid: string;
  start: number;
  end: number;
}

/** Times each delete from its request to its settled exchange. */
function deleteTimer(): SendGuard & { deletes: Timed[] } {
  const started = new Map<string, number>();
  const deletes: Timed[] = [];
  return {
    deletes,
    before(api, request) {
      if (api.name.startsWith('Delete')) started.set(request.url, Date.now());
    },
    after(api, x) {
      const url = x.hops[0].request.url;
      const start = started.get(url);
      if (start !== undefined)
        deletes.push({ api: api.name, uuid: url.split('/').at(-1)?.split('?')[0] ?? '', start, end: Date.now() });
    },
  };
}

const overlap = (a: Timed, b: Timed): boolean => a.start < b.end && b.start < a.end;

test('siblings are deleted at once; a parent only after the child that names it', async () => {
  await withReferenceTarget({ variant: { jobDelayMs: 150 } }, {}, async (suite) => {
    const kit = new ResourceKit(suite.zs);
    const a = await kit.organization();
    const b = await kit.organization();
    const c = await kit.organization();
    const child = await kit.organization({ parentUuid: a['uuid'] });
    const timer = deleteTimer();
    suite.zs.guards.push(timer);
    expect(await kit.cleanup()).toEqual([]);
    const at = (inv: Record<string, unknown>) => timer.deletes.find((d) => d.uuid === inv['uuid']) as Timed;
    expect(timer.deletes).toHaveLength(4);
    // the child and the two organizations nothing names go together
    expect(overlap(at(child), at(b)) && overlap(at(b), at(c))).toBe(true);
    // the parent waits for its child
    expect(at(a).start).toBeGreaterThanOrEqual(at(child).end);
    const left = await suite.zs.query('QueryIAM2Organization', { q: [`name~=zc-${suite.config.runId}-org-%`] });
    const mine = new Set([a, b, c, child].map((o) => o['uuid']));
    expect((finalBody(left)?.['inventories'] as Array<{ uuid: string }>).filter((o) => mine.has(o.uuid))).toEqual([]);
  });
});

test('a flow collection goes before the approver and the project it names; kinds are never mixed', async () => {
  await withReferenceTarget({ variant: { jobDelayMs: 150 } }, {}, async (suite) => {
    const kit = new ResourceKit(suite.zs);
    const { collection, project, approverUuid } = await kit.flowCollection();
    const timer = deleteTimer();
    suite.zs.guards.push(timer);
    expect(await kit.cleanup()).toEqual([]);
    const at = (uuid: unknown) => timer.deletes.find((d) => d.uuid === uuid) as Timed;
    expect(at(approverUuid).start).toBeGreaterThanOrEqual(at(collection['uuid']).end);
    expect(at(project['uuid']).start).toBeGreaterThanOrEqual(at(approverUuid).end);
  });
});

test('one case in flight deletes one at a time', async () => {
  expect(readConfig({}).casesInFlight).toBeGreaterThan(1);
  await withReferenceTarget({ variant: { jobDelayMs: 100 } }, { ZSTACK_CASES_IN_FLIGHT: '1' }, async (suite) => {
    const kit = new ResourceKit(suite.zs);
    for (let i = 0; i < 3; i++) await kit.organization();
    const timer = deleteTimer();
    suite.zs.guards.push(timer);
    expect(await kit.cleanup()).toEqual([]);
    const [x, y, z] = timer.deletes;
    expect(timer.deletes).toHaveLength(3);
    expect(overlap(x, y) || overlap(y, z) || overlap(x, z)).toBe(false);
  });
});
