// How a q= condition is split and which malformed ones the REST layer refuses, on facts recorded from the library
// ZStack uses (fixtures/source-facts/commons-lang-split.json) and from RestServer.handleQueryApi's branches
// (docs/zstack-protocol.md#query-errors), not from the reference server: the suite's model, the reference server
// and the malformed-query generator must each agree with those facts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { parseConditionAsRestLayer, splitByWholeSeparator } from '../../src/query-oracle/condition-parse.ts';
import { malformedArbitrary } from '../../src/properties/query/properties.ts';
import { parseCondition, splitByWholeSeparator as referenceSplit } from '../../reference-server/query.ts';
import { RestError } from '../../reference-server/errors.ts';

interface SplitFact {
  text: string;
  separator: string;
  max: number;
  parts: string[];
}
const FACTS = (
  JSON.parse(
    readFileSync(join(resolve(import.meta.dirname, '../..'), 'fixtures/source-facts/commons-lang-split.json'), 'utf8'),
  ) as { cases: SplitFact[] }
).cases;

test('the suite splits every recorded case as commons-lang 2 does', () => {
  expect(FACTS.length).toBeGreaterThan(20);
  for (const f of FACTS)
    expect(splitByWholeSeparator(f.text, f.separator, f.max), JSON.stringify(f.text)).toEqual(f.parts);
});

test('the reference server splits every recorded case as commons-lang 2 does', () => {
  for (const f of FACTS) expect(referenceSplit(f.text, f.separator, f.max), JSON.stringify(f.text)).toEqual(f.parts);
});

/**
 * RestServer.handleQueryApi: no operator, or a split into other than two parts (but for is null / not null), is a 400.
 */
const READINGS: Array<[string, ReturnType<typeof parseConditionAsRestLayer>]> = [
  ['name', { kind: 'rest-refusal', reason: "'name' doesn't contain any query operator" }],
  ['=a', { kind: 'rest-refusal', reason: "'=a' is not a key-value pair split by =" }],
  ['==a', { kind: 'rest-refusal', reason: "'==a' is not a key-value pair split by =" }],
  ['!=a', { kind: 'rest-refusal', reason: "'!=a' is not a key-value pair split by !=" }],
  ['  =a', { kind: 'condition', field: '', op: '=', value: 'a' }],
  [' >1', { kind: 'condition', field: '', op: '>', value: '1' }],
  ['name=', { kind: 'condition', field: 'name', op: '=', value: '' }],
  ['name==x', { kind: 'condition', field: 'name', op: '=', value: 'x' }],
  ['name=a!=b', { kind: 'condition', field: 'name=a', op: '!=', value: 'b' }],
  [' name = a b ', { kind: 'condition', field: 'name', op: '=', value: ' a b ' }],
  ['is null', { kind: 'condition', field: '', op: 'is null', value: '' }],
  ['description is null', { kind: 'condition', field: 'description', op: 'is null', value: '' }],
];

test('the suite reads each condition as the REST layer does: only a missing operator or a one-part split is a 400', () => {
  for (const [cond, want] of READINGS) expect(parseConditionAsRestLayer(cond), cond).toEqual(want);
});

test('the reference server refuses exactly those conditions with 400 and passes the rest on as read', () => {
  for (const [cond, want] of READINGS) {
    if (want.kind === 'rest-refusal') {
      expect(() => parseCondition(cond), cond).toThrow(RestError);
    } else {
      expect(parseCondition(cond), cond).toEqual({ field: want.field, op: want.op, value: want.value });
    }
  }
});

test('the malformed-query property expects 400 only where the REST layer refuses, SYS.1000 for an empty field', () => {
  const cases = fc.sample(malformedArbitrary, { numRuns: 400, seed: 7 });
  const conditions = cases.flatMap((c) =>
    c.params.filter(([k]) => k === 'q').map(([, v]) => ({ cond: v, rest: c.rest })),
  );
  const leadingSpace = conditions.filter((c) => /^\s+\W/.test(c.cond));
  const bareOperator = conditions.filter((c) => /^[=!<>?~]/.test(c.cond));
  expect(leadingSpace.length, 'the generator must still produce `  =x`').toBeGreaterThan(0);
  expect(bareOperator.length, 'the generator must still produce `=x`').toBeGreaterThan(0);
  for (const c of leadingSpace)
    expect(c.rest, `${c.cond}: an empty field fails in ZQL (503 SYS.1000), not in the REST layer`).toBe(false);
  for (const c of bareOperator) expect(c.rest, `${c.cond}: refused by the REST layer (400)`).toBe(true);
});
