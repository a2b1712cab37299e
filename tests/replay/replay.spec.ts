// `npm run replay -- DIR`: every recorded test of DIR (ZSTACK_REPLAY_DIR), judged again from its recording with
// today's checks; no endpoint is involved. Declared per recorded project and spec file, under the recorded title.
import { test } from '@playwright/test';
import { readRecordingFile, readRecordingHeaders } from '../../src/recording/read.ts';
import { recordedProjectTag, replayRecorded } from '../../fixtures/replay-body.ts';

const dir = process.env['ZSTACK_REPLAY_DIR'] ?? '';
const extraChecks = (process.env['ZSTACK_REPLAY_CHECKS'] ?? '').split(',').filter((c) => c !== '');

const byGroup = new Map<string, Array<ReturnType<typeof readRecordingHeaders>[number]>>();
for (const r of readRecordingHeaders(dir)) {
  const group = `${r.header.test.project} › ${r.header.test.file}`;
  byGroup.set(group, [...(byGroup.get(group) ?? []), r]);
}

for (const [group, recordings] of byGroup) {
  test.describe(group, () => {
    for (const { file, header } of recordings) {
      test(
        header.test.titlePath.slice(1).join(' › '),
        { tag: [...header.test.tags, recordedProjectTag(header.test.project)], annotation: header.test.annotations },
        // eslint-disable-next-line no-empty-pattern
        async ({}, testInfo) => replayRecorded(readRecordingFile(file), extraChecks, testInfo),
      );
    }
  });
}
