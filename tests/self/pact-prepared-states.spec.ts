// Provider states prepared ahead of their interactions (ProviderStates.prepare, used by our own verification),
// against a reference server in this process whose jobs take 100 ms: a handler hands out the prepared state
// for its name and params without making anything more, a state nobody prepared is set up when asked, a
// prepared setup that failed fails its handler under the state's name, and close() leaves nothing behind,
// taken or not.
import { test, expect } from '@playwright/test';
import { finalBody } from '../../src/exchange/exchange.ts';
import { ProviderStates } from '../../src/pact/state-handlers.ts';
import { STATES } from '../../src/pact/states.ts';
import type { Suite } from '../../src/suite.ts';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';

/** The run's resources of every kind still on the target. */
async function leftOnTarget(suite: Suite): Promise<string[]> {
  const left: string[] = [];
  for (const api of ['QueryIAM2Organization', 'QueryIAM2Project', 'QueryIAM2VirtualID', 'QueryTicketFlowCollection']) {
    const list = finalBody(await suite.zs.query(api))?.['inventories'];
    for (const inv of Array.isArray(list) ? list : []) {
      const name = String((inv as { name?: unknown }).name);
      if (name.startsWith(`zc-${suite.config.runId}-`)) left.push(`${api} ${name}`);
    }
  }
  return left;
}

test('a prepared state is handed out as it is; one nobody prepared is set up when asked; nothing is left', async () => {
  await withReferenceTarget({ variant: { jobDelayMs: 100 } }, {}, async (suite) => {
    const states = new ProviderStates(suite.zs);
    const org = { resource: 'IAM2Organization' };
    states.prepare(
      [
        { name: STATES.resourceExists, params: org },
        { name: STATES.resourceExists, params: { ...org } },
        { name: STATES.organizationInState, params: { state: 'Disabled' } },
        { name: STATES.resourceExists, params: { resource: 'TicketFlowCollection' } }, // never taken
      ],
      4,
    );
    const handlers = states.handlers();
    // params in another key order name the same state
    const first = await handlers[STATES.resourceExists]({ resource: 'IAM2Organization' });
    await states.cleanup();
    const second = await handlers[STATES.resourceExists](org);
    const disabled = await handlers[STATES.organizationInState]({ state: 'Disabled' });
    expect(new Set([first?.['uuid'], second?.['uuid'], disabled?.['uuid']]).size).toBe(3);
    const got = finalBody(await suite.zs.query('QueryIAM2Organization', { uuid: String(disabled?.['uuid']) }))?.[
      'inventories'
    ];
    expect((got as Array<{ state: string }>)[0].state).toBe('Disabled');
    // nothing was set up when asked: the states set up on demand live in states.kit
    expect(states.kit.size).toBe(0);
    const project = await handlers[STATES.resourceExists]({ resource: 'IAM2Project' });
    expect(states.kit.size).toBe(1);
    expect(typeof project?.['uuid']).toBe('string');
    await states.cleanup();
    await states.close();
    expect(states.problems).toEqual([]);
    expect(await leftOnTarget(suite)).toEqual([]);
  });
});

test('a prepared setup that failed fails its handler under the state name, and its partial state is deleted', async () => {
  await withReferenceTarget({ variant: { jobDelayMs: 50 } }, {}, async (suite) => {
    const states = new ProviderStates(suite.zs);
    // the organization is made, then no state event leads to "Nowhere"
    states.prepare([{ name: STATES.resourceInState, params: { resource: 'IAM2Organization', state: 'Nowhere' } }], 2);
    const handler = states.handlers()[STATES.resourceInState];
    await expect(handler({ resource: 'IAM2Organization', state: 'Nowhere' })).rejects.toThrow(
      /no stateEvent of IAM2Organization leads to state Nowhere/,
    );
    expect(states.problems).toEqual([
      expect.stringMatching(/^state "a \{resource\} exists in state \{state\}": provider state: no stateEvent/),
    ]);
    await states.close();
    expect(await leftOnTarget(suite)).toEqual([]);
  });
});
