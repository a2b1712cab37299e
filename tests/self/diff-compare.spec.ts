// The differential run's comparison engine (src/diff) on recordings built here (fixtures/recordings.ts): a
// recording against itself and against what another conformant endpoint would answer shows no change; each
// fault is one change naming the API, the step and the path; the sweep compares types only; the allow list
// and the reports. Pure, except the recording reader's temporary folder.
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyAllowList, parseAllowList } from '../../src/diff/allow-list.ts';
import { compareRecordings } from '../../src/diff/compare.ts';
import type { Difference } from '../../src/diff/difference.ts';
import { renderDiffHtml } from '../../src/diff/render-html.ts';
import { consoleLines, diffVerdict, jsonReport } from '../../src/diff/render.ts';
import { readRecordingDir } from '../../src/recording/read.ts';
import type { RecordedTest } from '../../src/recording/recording.ts';
import { forgetSecrets, registerSecret } from '../../src/reporting/redact.ts';
import { response } from '../../fixtures/exchanges.ts';
import {
  ENDPOINT_A,
  editFinal,
  organizationRun,
  recordedTest,
  stoppedAt,
  type Endpoint,
} from '../../fixtures/recordings.ts';

const ENDPOINT_B: Endpoint = {
  runId: 'runb2',
  kitId: '9f8e7d',
  uuids: ['5a5b5c5d5e5f40718293a4b5c6d7e8f9', '0123456789ab4cdeb0123456789abcde'],
  dateStyle: 'java8',
};
const A = organizationRun(ENDPOINT_A);
const B = organizationRun(ENDPOINT_B);

/** The changes as `<kind> <api> step <n> <path>`, what a reader is told first. */
const changes = (a: RecordedTest, b: RecordedTest): string[] =>
  compareRecordings([a], [b])
    .filter((d) => d.class === 'change')
    .map((d) => `${d.kind} ${d.api} step ${d.step} ${d.path}`);
const kinds = (ds: Difference[], cls: Difference['class']): string[] =>
  ds.filter((d) => d.class === cls).map((d) => d.kind);

test.describe('no change', () => {
  test('a recording against itself has no difference at all', () => {
    expect(compareRecordings([A], [A])).toEqual([]);
  });

  test('other uuids, run id and kit id are no difference', () => {
    expect(compareRecordings([A], [B])).toEqual([]);
  });

  test('the other date style and more job polls: informational only', () => {
    const ds = compareRecordings([A], [organizationRun({ ...ENDPOINT_B, dateStyle: 'java9', pendingPolls: 3 })]);
    expect(kinds(ds, 'change')).toEqual([]);
    expect(new Set(kinds(ds, 'informational'))).toEqual(new Set(['date-style']));
  });

  test('nulls omitted and extra fields: no change, the extra field informational', () => {
    const withNull = editFinal(A, 0, (j) => ((j['inventory'] as Record<string, unknown>)['description'] = null));
    const extra = editFinal(B, 0, (j) => ((j['inventory'] as Record<string, unknown>)['vendorNote'] = 'x'));
    const ds = compareRecordings([withNull], [extra]);
    expect(kinds(ds, 'change')).toEqual([]);
    expect(ds.map((d) => `${d.kind} ${d.path}`)).toEqual(['field-added inventory.vendorNote']);
  });

  test('rows in another order where no sort was asked', () => {
    const swapped = editFinal(B, 3, (j) => (j['inventories'] as unknown[]).reverse());
    expect(compareRecordings([A], [swapped])).toEqual([]);
  });

  test('rows no earlier step paired are matched by their content', () => {
    const queryOnly = (t: RecordedTest) => ({ ...t, steps: t.steps.slice(3, 4) });
    const swapped = editFinal(B, 3, (j) => (j['inventories'] as unknown[]).reverse());
    expect(compareRecordings([queryOnly(A)], [queryOnly(swapped)])).toEqual([]);
  });

  test('timestamps equal on one side and a second apart on the other keep their order', () => {
    const later = editFinal(
      B,
      0,
      (j) => ((j['inventory'] as Record<string, unknown>)['lastOpDate'] = 'Jan 6, 2017 3:51:11 AM'),
    );
    expect(compareRecordings([A], [later])).toEqual([]);
  });

  test('an error described in other words is informational; its code is compared', () => {
    const chinese = editFinal(B, 5, (j) => {
      const error = j['error'] as Record<string, unknown>;
      error['description'] = '参数错误';
      error['details'] = 'stateEvent 的值 [pause] 无效';
      error['messages'] = ['x'];
    });
    const ds = compareRecordings([A], [chinese]);
    expect(kinds(ds, 'change')).toEqual([]);
    expect(ds.map((d) => d.path)).toEqual(['error.description', 'error.details', 'error.messages']);
  });
});

test.describe('a change names the API, the step and the path', () => {
  const inventory = (j: Record<string, unknown>) => j['inventory'] as Record<string, unknown>;

  test('a status code', () => {
    const rest = editFinal(B, 5, (_j, final) => Object.assign(final, response(400, 'bad stateEvent')));
    expect(changes(A, rest)).toEqual(['status ChangeIAM2OrganizationState step 5 status']);
  });

  test('an error code', () => {
    const other = editFinal(B, 5, (j) => ((j['error'] as Record<string, unknown>)['code'] = 'SYS.1006'));
    expect(changes(A, other)).toEqual(['error-code ChangeIAM2OrganizationState step 5 error.code']);
  });

  test('a number turned string', () => {
    const text = editFinal(B, 3, (j) => (j['total'] = '2'));
    expect(changes(A, text)).toEqual(['field-type QueryIAM2Organization step 3 total']);
  });

  test('a removed field, and a field set to null', () => {
    const removed = editFinal(B, 0, (j) => delete inventory(j)['type']);
    expect(changes(A, removed)).toEqual(['field-removed CreateIAM2Organization step 0 inventory.type']);
    const nulled = editFinal(B, 0, (j) => (inventory(j)['srcType'] = null));
    expect(changes(A, nulled)).toEqual(['field-removed CreateIAM2Organization step 0 inventory.srcType']);
  });

  test('a state not reached', () => {
    const enabled = editFinal(B, 2, (j) => (inventory(j)['state'] = 'Enabled'));
    expect(changes(A, enabled)).toEqual(['state ChangeIAM2OrganizationState step 2 inventory.state']);
  });

  test('a row less, named by its uuid in A', () => {
    const fewer = editFinal(B, 3, (j) => (j['inventories'] as unknown[]).pop());
    expect(changes(A, fewer)).toEqual([`row-set QueryIAM2Organization step 3 inventories[${ENDPOINT_A.uuids[1]}]`]);
  });

  test('rows out of order where a sort was asked', () => {
    const reversed = editFinal(B, 4, (j) => (j['inventories'] as unknown[]).reverse());
    expect(changes(A, reversed)).toEqual([
      'row-set QueryIAM2Organization step 4 inventories[0]',
      'row-set QueryIAM2Organization step 4 inventories[1]',
    ]);
  });

  test('a uuid that answers for another resource than before', () => {
    const other = editFinal(B, 2, (j) => (inventory(j)['uuid'] = ENDPOINT_B.uuids[1]));
    expect(changes(A, other)).toContain('value ChangeIAM2OrganizationState step 2 inventory.uuid');
  });

  test('timestamps in another order', () => {
    const earlier = editFinal(B, 2, (j) => (inventory(j)['lastOpDate'] = 'Jan 6, 2017 3:50:00 AM'));
    expect(changes(A, earlier)).toEqual(['timestamp-order ChangeIAM2OrganizationState step 2 inventory.lastOpDate']);
  });

  test('a scenario that stopped early', () => {
    expect(changes(A, stoppedAt(B, 2))).toEqual(['steps ChangeIAM2OrganizationState step 2 steps']);
  });

  test('a test one side did not record, or skipped while the other ran', () => {
    expect(compareRecordings([A], []).map((d) => `${d.kind} ${d.api} ${d.a} → ${d.b}`)).toEqual([
      'test-outcome CreateIAM2Organization passed → not recorded',
    ]);
    const skipped = { ...B, steps: [], end: { ...B.end!, status: 'skipped' as const } };
    expect(changes(A, skipped)).toEqual(['test-outcome CreateIAM2Organization step undefined outcome']);
  });
});

test.describe('the sweep compares status, error code and field types only', () => {
  const sweep = (rows: unknown[], runId: string) =>
    recordedTest({
      title: 'QueryZone',
      project: 'sweep',
      runId,
      calls: [
        {
          unit: 'sweep',
          call: { api: 'QueryZone', method: 'GET', path: '/v1/zones', final: response(200, { inventories: rows }) },
        },
      ],
    });
  const zone = (uuid: string, name: string, over: Record<string, unknown> = {}) => ({
    uuid,
    name,
    state: 'Enabled',
    ...over,
  });

  test("each endpoint's own rows differ: informational", () => {
    const a = sweep([zone(ENDPOINT_A.uuids[0], 'zone-a'), zone(ENDPOINT_A.uuids[1], 'zone-b')], 'runa');
    const b = sweep([zone(ENDPOINT_B.uuids[0], 'ZONE 1', { state: 'Disabled' })], 'runb');
    const ds = compareRecordings([a], [b]);
    expect(kinds(ds, 'change')).toEqual([]);
    expect(kinds(ds, 'informational').length).toBeGreaterThan(0);
  });

  test('a field of another JSON type is a change', () => {
    const a = sweep([zone(ENDPOINT_A.uuids[0], 'zone-a', { capacity: 10 })], 'runa');
    const b = sweep([zone(ENDPOINT_B.uuids[0], 'zone-b', { capacity: '10' })], 'runb');
    expect(changes(a, b)).toEqual([`field-type QueryZone step 0 inventories[${ENDPOINT_A.uuids[0]}].capacity`]);
  });
});

test.describe('allow list and verdict', () => {
  const stateChange = () =>
    compareRecordings(
      [A],
      [editFinal(B, 2, (j) => ((j['inventory'] as Record<string, unknown>)['state'] = 'Enabled'))],
    );

  test('parses globs, comments and blank lines; a line without a reason is an error naming file and line', () => {
    const entries = parseAllowList(
      '# accepted\n\nChange*State  inventory.*  vendor keeps the state  # ticket\n',
      'allow.txt',
    );
    expect(entries).toEqual([
      { api: 'Change*State', path: 'inventory.*', reason: 'vendor keeps the state', where: 'allow.txt:3' },
    ]);
    expect(() => parseAllowList('Query* total\n', 'allow.txt')).toThrow(/^allow\.txt:1: .*no reason/);
  });

  test('an allowed change stays reported and no longer fails the verdict', () => {
    const ds = stateChange();
    expect(diffVerdict(ds)).toEqual({ exitCode: 1, changes: 1, informational: 0, allowed: 0 });
    const allowed = applyAllowList(ds, parseAllowList('Change*State inventory.state accepted', 'allow.txt'));
    expect(diffVerdict(allowed)).toEqual({ exitCode: 0, changes: 0, informational: 0, allowed: 1 });
    expect(consoleLines(allowed)).toEqual([
      'ALLOWED ChangeIAM2OrganizationState an organization is created, disabled and queried step 2 inventory.state: "Disabled" → "Enabled" [state] (accepted; allow.txt:1)',
    ]);
    const other = applyAllowList(
      ds,
      parseAllowList(
        'Query* inventory.state no\nIAM2*State inventory.* no\nChange*Organization inventory.* no\n',
        'allow.txt',
      ),
    );
    expect(diffVerdict(other).exitCode).toBe(1);
  });

  test('the console line and the JSON report', () => {
    const ds = stateChange();
    expect(consoleLines(ds)).toEqual([
      'CHANGE ChangeIAM2OrganizationState an organization is created, disabled and queried step 2 inventory.state: "Disabled" → "Enabled" [state]',
    ]);
    const report = jsonReport(ds, { a: 'A', b: 'B' });
    expect(report.verdict.changes).toBe(1);
    expect(report.differences[0]).not.toHaveProperty('stepA');
  });
});

test.describe('the HTML page', () => {
  test.afterEach(() => forgetSecrets());

  test('shows both curl lines, escapes bodies and holds no registered secret', () => {
    const canary = 'canary-secret-7f3e9a';
    registerSecret(canary);
    const hostile = editFinal(B, 2, (j) => {
      const inv = j['inventory'] as Record<string, unknown>;
      inv['state'] = 'Enabled';
      inv['description'] = `<script>alert(1)</script> ${canary}`;
    });
    const html = renderDiffHtml(compareRecordings([A], [hostile]), { a: 'endpoint A', b: 'endpoint B' });
    expect(html).toContain(`/v1/iam2/organizations/${ENDPOINT_A.uuids[0]}/actions`);
    expect(html).toContain(`/v1/iam2/organizations/${ENDPOINT_B.uuids[0]}/actions`);
    expect(html.match(/curl -sS -i -X PUT/g)?.length).toBe(2);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain(canary);
    expect(html).toContain('id="api-ChangeIAM2OrganizationState"');
  });

  test('a step with informational differences only keeps its exchanges folded', () => {
    const restyled = organizationRun({ ...ENDPOINT_B, dateStyle: 'java9' });
    const html = renderDiffHtml(compareRecordings([A], [restyled]), { a: 'A', b: 'B' });
    const folded = html.match(/<details><summary>both exchanges<\/summary><table class="sides">/g)?.length ?? 0;
    expect(folded).toBeGreaterThan(0);
    expect(html.match(/<table class="sides">/g)?.length).toBe(folded);
  });
});

test.describe('readRecordingDir', () => {
  let dir = '';
  test.beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'zc-recording-'))));
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const lines = (t: RecordedTest) =>
    [t.header, ...t.steps, ...(t.end ? [t.end] : [])].map((l) => JSON.stringify(l)).join('\n');

  test('reads every .jsonl file back as it was written', () => {
    writeFileSync(join(dir, 'a.jsonl'), `${lines(A)}\n`);
    writeFileSync(join(dir, 'b.jsonl'), lines({ ...B, end: undefined }));
    writeFileSync(join(dir, 'notes.txt'), 'not a recording');
    expect(readRecordingDir(dir)).toEqual([A, { ...B, end: undefined }]);
  });

  test('a line that is not JSON, or a missing header, names the file and the line', () => {
    writeFileSync(join(dir, 'a.jsonl'), `${lines(A)}\n{"kind":"step",`);
    expect(() => readRecordingDir(dir)).toThrow(`${join(dir, 'a.jsonl')}:${A.steps.length + 3}: not JSON`);
    writeFileSync(join(dir, 'a.jsonl'), [A.steps[0], A.header].map((l) => JSON.stringify(l)).join('\n'));
    expect(() => readRecordingDir(dir)).toThrow(`${join(dir, 'a.jsonl')}:1: missing header`);
  });
});
