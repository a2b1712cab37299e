// Every descriptor is exercised: by the derived tests, a hand-written scenario or a pact interaction, or it is
// listed in contracts/excluded.json with a reason. A descriptor nobody calls fails here, not silently.
import { expect, test } from '@playwright/test';
import type { ApiDescriptor, Contracts } from '../../contracts/index.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { buildInteractions } from '../../src/pact/interactions.ts';
import { coverage, coverageProblems, readExclusions } from '../../src/scenarios/coverage.ts';

const contracts = loadValidatedContracts();
const pactOf = (c: Contracts) => buildInteractions(c, '5.0.0');

test('every API in contracts/apis is exercised by a test or excluded with a reason', () => {
  expect(coverageProblems(contracts, readExclusions(), pactOf)).toEqual([]);
});

test('every API but login and logout has derived tests, and every state event and update API its own', () => {
  const cov = coverage(contracts, pactOf);
  for (const api of contracts.apis.values()) {
    const derived = (cov.get(api.name) ?? []).filter((t) => t.includes('(derived)'));
    if (api.kind === 'login' || api.kind === 'logout') continue;
    expect(derived.length, api.name).toBeGreaterThan(0);
    if (api.effect?.kind === 'stateEvent')
      expect(
        derived.some((t) => t.includes('state event')),
        api.name,
      ).toBe(true);
    if (api.effect?.kind === 'update')
      expect(
        derived.some((t) => t.includes('field it updates')),
        api.name,
      ).toBe(true);
  }
});

test('an API nothing exercises fails the coverage check until it is excluded with a reason', () => {
  // a logout-like API: no derived test (it needs credentials), no scenario, no pact interaction
  const orphan: ApiDescriptor = {
    name: 'LogOutOfEverything',
    since: '5.0.0',
    resource: 'Session',
    kind: 'logout',
    method: 'DELETE',
    path: '/v1/accounts/all-sessions',
    async: false,
    params: {},
    reply: { body: 'empty' },
    sources: ['self-test'],
  };
  const withOrphan: Contracts = {
    ...contracts,
    apis: new Map([...contracts.apis, [orphan.name, orphan]]),
    schemas: contracts.schemas,
  };
  expect(coverageProblems(withOrphan, [], pactOf)).toEqual([
    'LogOutOfEverything is exercised by no test and not listed in contracts/excluded.json with a reason',
  ]);
  expect(
    coverageProblems(
      withOrphan,
      [{ api: 'LogOutOfEverything', reason: 'ends every session of the account: not run on shared staging' }],
      pactOf,
    ),
  ).toEqual([]);
  expect(coverageProblems(withOrphan, [{ api: 'LogOutOfEverything', reason: ' ' }], pactOf)).toEqual([
    'contracts/excluded.json: LogOutOfEverything has no reason',
  ]);
});
