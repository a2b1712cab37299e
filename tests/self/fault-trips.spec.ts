// The trips the fault units declare (reference-server/faults/<name>.ts) are whole and runnable: every fault trips
// something, every check is tripped by something, and every declared pair names a check and a self-test that exist
// (fault-modes, derived-faults and the property specs run them). Pure: no server.
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/index.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { derivedScenarios } from '../../src/scenarios/derived.ts';
import { FAULTS, FAULT_TRIPS } from '../../reference-server/faults.ts';
import {
  PROPERTY_NAMES,
  PROPERTY_SELF_TESTS,
  SCENARIOS_BY_ID,
  ZSTACK_OWN_ADVISORIES,
  derivedTrips,
  sweepTrips,
} from '../../fixtures/fault-proofs.ts';
import { sweptQueries } from '../../src/sweep/sweep.ts';
import { SCENARIOS } from '../../src/scenarios/index.ts';
import { PROTOCOL_SCENARIOS } from '../../src/scenarios/protocol/index.ts';

const CHECK_NAMES = ALL_CHECKS.map((c) => c.name);

test('every fault mode declares at least one trip', () => {
  const tripping = new Set<string>(FAULT_TRIPS.map((t) => t.fault));
  expect(Object.keys(FAULTS).filter((f) => !tripping.has(f))).toEqual([]);
});

test('no fault declares the same trip twice', () => {
  const keys = FAULT_TRIPS.map((t) => JSON.stringify([t.fault, t.check, t.in]));
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
});

test('every check a trip names exists', () => {
  expect(FAULT_TRIPS.filter((t) => !CHECK_NAMES.includes(t.check)).map((t) => `${t.fault}: ${t.check}`)).toEqual([]);
});

test("every check is tripped by some fault mode (or by ZStack's own behaviour, for advisories)", () => {
  const tripped = new Set([...FAULT_TRIPS.map((t) => t.check), ...ZSTACK_OWN_ADVISORIES]);
  expect(CHECK_NAMES.filter((c) => !tripped.has(c))).toEqual([]);
});

test('every hand-written and protocol scenario has a unique id, and every scenario a trip names is one of them', () => {
  const all = [...SCENARIOS, ...PROTOCOL_SCENARIOS];
  expect(all.filter((s) => !s.id).map((s) => s.title)).toEqual([]);
  expect(SCENARIOS_BY_ID.size).toBe(all.length);
  const named = FAULT_TRIPS.flatMap((t) => ('scenario' in t.in ? [t.in.scenario] : []));
  expect(named.filter((id) => !SCENARIOS_BY_ID.has(id))).toEqual([]);
});

test('every derived test a trip names is exactly one derived scenario of its API', () => {
  const scenarios = derivedScenarios(loadValidatedContracts());
  for (const t of derivedTrips()) {
    const matching = scenarios.filter((s) => s.apis[0] === t.api && s.title.includes(t.test));
    expect(matching.length, `derived "${t.test}" of ${t.api} (fault ${t.fault})`).toBe(1);
  }
});

test('every property a trip names is a property of the suite, and every property has the self-test that runs its trips', () => {
  const named = FAULT_TRIPS.flatMap((t) => ('property' in t.in ? [t.in.property] : []));
  expect(named.filter((p) => !PROPERTY_NAMES.includes(p))).toEqual([]);
  expect(Object.keys(PROPERTY_SELF_TESTS).sort()).toEqual([...PROPERTY_NAMES].sort());
});

test('every sweep a trip names is a Query API the sweep covers', () => {
  const swept = new Set(sweptQueries(loadValidatedContracts().surface).map((a) => a.name));
  expect(
    sweepTrips()
      .filter((t) => !swept.has(t.api))
      .map((t) => `${t.fault}: ${t.api}`),
  ).toEqual([]);
});
