// The janitor (npm run janitor) against a reference server in this process: it lists what an earlier run left
// (by the zc- name prefix, and through the run's ledger for resources without a query API), with their age,
// deletes nothing on a dry run, deletes all of it with --yes (projects expunged), and never touches a resource
// whose name lacks the prefix: not one named ZC- (the query's LIKE ignores case), not one a ledger names.
import { test, expect } from '@playwright/test';
import { readConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { CreateLedger } from '../../src/resources/ledger.ts';
import { ledgerPath } from '../../src/safety/run-dir.ts';
import { startReferenceServer } from '../../reference-server/server.ts';
import { startNested } from '../../fixtures/nested-run.ts';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

test("the janitor lists an earlier run's leftovers with their age, deletes them only with --yes, and never a resource without the prefix", async () => {
  test.setTimeout(90_000);
  const ref = await startReferenceServer({});
  const runId = `jan${Date.now().toString(36).slice(-5)}`;
  try {
    // an earlier run that ended without cleaning up: its ledger stays in its reports/runs
    const suite = await openSuite({ ...readConfig({ ZSTACK_RUN_ID: runId }), baseUrl: ref.url });
    suite.zs.guards.push(new CreateLedger(ledgerPath(runId)));
    const kit = new ResourceKit(suite.zs);
    await kit.organization();
    await kit.flowCollection(); // a project and a virtual ID (no query API: found through the ledger) and a collection
    // not the suite's: no prefix, the prefix in upper case, and a ledger line naming an unprefixed resource
    const foreign = ['keep-me', `ZC-${runId}-upper`, `kept-${runId}`];
    for (const name of foreign) await suite.zs.call('CreateIAM2Organization', { name, type: 'Company' });
    const kept = ref.resources().find((r) => r.name === `kept-${runId}`);
    new CreateLedger(ledgerPath(runId)).append({
      op: 'created',
      resource: 'IAM2Organization',
      uuid: kept?.uuid as string,
      name: `kept-${runId}`,
    });
    await suite.close();
    const ours = () => ref.resources().filter((r) => r.name.startsWith(`zc-${runId}-`)).length;
    expect(ours()).toBe(4);

    const env = { ZSTACK_BASE_URL: ref.url, ZSTACK_PASSWORD: 'password' };
    const dry = startNested('repo', ['--run', runId], env, ['--import', 'tsx', 'scripts/janitor.ts']);
    expect(await dry.exited, dry.output()).toBe(1);
    const lines = dry.output().trim().split('\n');
    expect(lines.at(-1)).toBe('4 leftover(s) of earlier runs; npm run janitor -- --yes deletes them');
    for (const resource of ['IAM2Organization', 'TicketFlowCollection', 'IAM2Project', 'IAM2VirtualID']) {
      expect(
        lines.some((l) => l.startsWith(resource) && l.includes(`zc-${runId}-`) && /\s\d+s\s+run /.test(l)),
        `${resource} listed with its age:\n${dry.output()}`,
      ).toBe(true);
    }
    expect(dry.output()).not.toMatch(/keep-me|ZC-|kept-/);
    expect(ours()).toBe(4);
    // a colleague's run in progress is young: --older-than leaves it alone
    const young = startNested('repo', ['--yes', '--run', runId, '--older-than', '1h'], env, [
      '--import',
      'tsx',
      'scripts/janitor.ts',
    ]);
    expect(await young.exited, young.output()).toBe(0);
    expect(young.output()).toContain('deleted 0 of 0 leftover(s)');
    expect(ours()).toBe(4);

    const yes = startNested('repo', ['--yes', '--run', runId], env, ['--import', 'tsx', 'scripts/janitor.ts']);
    expect(await yes.exited, yes.output()).toBe(0);
    expect(yes.output()).toContain('deleted 4 of 4 leftover(s)');
    expect(
      ref.resources().filter((r) => r.name.startsWith(`zc-${runId}-`)),
      'projects are expunged, not only deleted',
    ).toEqual([]);
    expect(
      ref
        .resources()
        .filter((r) => foreign.includes(r.name))
        .map((r) => r.name)
        .sort(),
    ).toEqual([...foreign].sort());
    expect(existsSync(dirname(ledgerPath(runId))), "the run's ledger is removed once nothing of it is left").toBe(
      false,
    );
  } finally {
    await ref.close();
  }
});
