// The suite's query oracle on the collation facts the protocol reference states (MariaDB 10.11, a table
// declared like ZStack's): each is one expectation here, so a change to the oracle that breaks one is seen.
import { expect, test } from '@playwright/test';
import { compareText, like, UncertainCollation } from '../../src/query-oracle/collation.ts';
import { conditionText, matches, parsesAsWritten, select, sortRanks } from '../../src/query-oracle/oracle.ts';

const row = (uuid: string, name: string, description?: string) => ({
  uuid,
  name,
  ...(description === undefined ? {} : { description }),
});

test('= is case- and accent-insensitive and ignores trailing spaces; LIKE keeps them', () => {
  expect(compareText('ába', 'ABA')).toBe(0);
  expect(compareText('ab ', 'ab')).toBe(0);
  expect(like('ab ', 'ab')).toBe(false);
  expect(like('ab', 'ab ')).toBe(false);
  expect(like('Élan', 'el%')).toBe(true);
  expect(like('abc', 'a_c')).toBe(true);
});

test('LIKE escapes with a backslash; = takes a backslash literally', () => {
  expect(like('50%', '50\\%')).toBe(true);
  expect(like('500', '50\\%')).toBe(false);
  expect(like('500', '50%')).toBe(true);
  expect(like('a_b', 'a\\_b')).toBe(true);
  expect(like('axb', 'a\\_b')).toBe(false);
  expect(like('a\\b', 'a\\\\b')).toBe(true);
  expect(compareText('a\\b', 'a\\b')).toBe(0);
  expect(() => like('a', 'a\\')).toThrow(UncertainCollation);
});

test('< and > use the upper-case weights: _ sorts after letters, a shorter prefix first', () => {
  expect(compareText('a_', 'AZ')).toBe(1);
  expect(compareText('ab', 'abc')).toBe(-1);
  expect(compareText('a b', 'ab')).toBe(-1);
  expect(() => compareText('ß', 's')).toThrow(UncertainCollation);
});

test('the negations never match NULL; is null only finds it; IN splits on every comma', () => {
  const rows = [row('1', 'x', 'a'), row('2', 'y')];
  expect(select(rows, [{ field: 'description', op: '!=', value: 'b' }]).map((r) => r.uuid)).toEqual(['1']);
  expect(select(rows, [{ field: 'description', op: '!~=', value: 'b%' }]).map((r) => r.uuid)).toEqual(['1']);
  expect(select(rows, [{ field: 'description', op: '!?=', value: 'b,c' }]).map((r) => r.uuid)).toEqual(['1']);
  expect(select(rows, [{ field: 'description', op: 'is null', value: '' }]).map((r) => r.uuid)).toEqual(['2']);
  expect(matches(row('3', ''), { field: 'name', op: '?=', value: 'a,,b' })).toBe(true);
});

test('sort ranks: NULL first ascending, last descending, collation ties share a rank', () => {
  const rows = [row('1', 'b', 'B'), row('2', 'a'), row('3', 'c', 'b')];
  expect(sortRanks(rows, 'description', false)).toEqual({ '2': 0, '1': 1, '3': 1 });
  expect(sortRanks(rows, 'description', true)).toEqual({ '1': 0, '3': 0, '2': 2 });
});

test('a condition is only used when ZStack reads it back as written', () => {
  expect(conditionText({ field: 'name', op: 'is null', value: '' })).toBe('name is null');
  expect(parsesAsWritten({ field: 'name', op: '=', value: 'a>b' })).toBe(true);
  expect(parsesAsWritten({ field: 'name', op: '>', value: 'a=b' })).toBe(false);
  expect(parsesAsWritten({ field: 'name', op: '=', value: 'x!=y' })).toBe(false);
});
