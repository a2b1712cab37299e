// The suite's query oracle on the collation facts the protocol reference states (MariaDB 10.11, a table
// declared like ZStack's): each is one expectation here, so a change to the oracle that breaks one is seen.
import { expect, test } from '@playwright/test';
import { compareText, like, UncertainCollation } from '../../src/query-oracle/collation.ts';
import {
  conditionText,
  matches,
  parsesAsWritten,
  refusal,
  select,
  sortRanks,
  type QueryOperator,
} from '../../src/query-oracle/oracle.ts';
import { likeText, literalText, literalTimestamp, replyTimestamp, ZERO_DATE } from '../../src/query-oracle/datetime.ts';

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

test('timestamps: a reply is read in its own wall-clock time, both Java spellings; a literal in four spellings', () => {
  const t = replyTimestamp('Jan 6, 2017 3:51:16 AM');
  expect(t).toBeDefined();
  expect(replyTimestamp('Jan 6, 2017, 3:51:16 AM')).toBe(t);
  expect(replyTimestamp('Jan 6, 2017, 3:51:16 PM')).toBe((t ?? 0) + 12 * 3600);
  expect(replyTimestamp('2017-01-06 03:51:16')).toBeUndefined();
  for (const v of ['2017-01-06 03:51:16', '2017-01-06T03:51:16', '20170106035116']) expect(literalTimestamp(v)).toBe(t);
  expect(literalTimestamp('2017-01-06')).toBe((t ?? 0) - (3 * 3600 + 51 * 60 + 16));
  for (const v of ['Jan 6, 2017 3:51:16 AM', 'now', '', '2017-02-30 00:00:00'])
    expect(literalTimestamp(v)).toBe(ZERO_DATE);
  expect(literalText(t ?? 0, 'digits')).toBe('20170106035116');
  expect(likeText(t ?? 0)).toBe('2017-01-06 03:51:16');
});

test('timestamps compare as dates; a non-date is the zero date; ~= matches the YYYY-MM-DD HH:MM:SS text', () => {
  const rows = [
    { uuid: '1', createDate: 'Jan 6, 2017 3:51:16 AM' },
    { uuid: '2', createDate: 'Jan 6, 2017, 3:51:17 AM' },
  ];
  const types = { createDate: 'timestamp' } as const;
  const ids = (op: QueryOperator, value: string) =>
    select(rows, [{ field: 'createDate', op, value }], types).map((r) => r.uuid);
  expect(ids('>', '2017-01-06 03:51:16')).toEqual(['2']);
  expect(ids('>=', '20170106035116')).toEqual(['1', '2']);
  expect(ids('<', '2017-01-06T03:51:17')).toEqual(['1']);
  expect(ids('=', '2017-01-06')).toEqual([]);
  expect(ids('>', '2017-01-06')).toEqual(['1', '2']);
  for (const junk of ['Jan 6, 2017 3:51:16 AM', 'now']) {
    expect(ids('>', junk)).toEqual(['1', '2']);
    expect(ids('!=', junk)).toEqual(['1', '2']);
    expect(ids('<', junk)).toEqual([]);
    expect(ids('=', junk)).toEqual([]);
  }
  expect(ids('~=', '2017-01-06 03:51:1_')).toEqual(['1', '2']);
  expect(ids('~=', '%:17')).toEqual(['2']);
  expect(ids('!~=', '%:17')).toEqual(['1']);
});

test('booleans: an HQL literal or a number, else refused; inside ?= the text is a number, so true is 0', () => {
  const rows = [
    { uuid: 't', isDefault: true },
    { uuid: 'f', isDefault: false },
  ];
  const types = { isDefault: 'boolean' } as const;
  const ids = (op: QueryOperator, value: string) =>
    select(rows, [{ field: 'isDefault', op, value }], types).map((r) => r.uuid);
  expect(ids('=', 'TRUE')).toEqual(['t']);
  expect(ids('!=', 'false')).toEqual(['t']);
  expect(ids('>', '0')).toEqual(['t']);
  expect(ids('=', '2')).toEqual([]);
  expect(ids('?=', 'true')).toEqual(['f']);
  expect(ids('?=', 'yes,1')).toEqual(['t', 'f']);
  expect(ids('!?=', 'true')).toEqual(['t']);
  for (const v of ['yes', '', 'on']) expect(refusal({ field: 'isDefault', op: '=', value: v }, types)).toBeDefined();
  expect(refusal({ field: 'isDefault', op: '?=', value: 'yes' }, types)).toBeUndefined();
  expect(refusal({ field: 'name', op: '=', value: 'yes' }, types)).toBeUndefined();
});
