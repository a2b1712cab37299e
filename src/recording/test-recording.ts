// What a recording says about its test and run, taken from Playwright's TestInfo and the suite's settings: the
// header written before the test's first step and the end line written after its last.
import { relative } from 'node:path';
import type { TestInfo } from '@playwright/test';
import type { SuiteConfig } from '../config.ts';
import { suiteVersion } from '../suite-version.ts';
import { RECORDING_FORMAT, type RecordingEnd, type RecordingHeader } from './recording.ts';

/** The same test in two runs has the same id: project, spec file and title path. */
export const testIdOf = (project: string, titlePath: readonly string[]): string => [project, ...titlePath].join(' › ');

export function headerOf(info: TestInfo, config: SuiteConfig): RecordingHeader {
  const titlePath = info.titlePath;
  return {
    kind: 'header',
    format: RECORDING_FORMAT,
    test: {
      id: testIdOf(info.project.name, titlePath),
      project: info.project.name,
      file: relative(info.project.testDir, info.file),
      titlePath,
      tags: info.tags,
      annotations: info.annotations.map(plain),
    },
    run: {
      runId: config.runId,
      ...(config.seed !== undefined ? { seed: config.seed } : {}),
      suiteVersion: suiteVersion(),
      targetVersion: config.targetVersion,
      target: config.embedded || !config.baseUrl ? 'embedded' : new URL(config.baseUrl).origin,
      startedAt: new Date().toISOString(),
    },
  };
}

/** type and description only: an annotation's location names a file on the recording machine */
const plain = (a: { type: string; description?: string }): { type: string; description?: string } =>
  a.description === undefined ? { type: a.type } : { type: a.type, description: a.description };

const firstLine = (s: string | undefined): string => (s ?? '').split('\n')[0].slice(0, 500);

/** How the test ended; `declared` is how many annotations it had before it ran (the rest it added). */
export function endOf(
  info: TestInfo,
  declared: number,
  stop: RecordingEnd['stop'],
  checkFailures: number,
): RecordingEnd {
  return {
    kind: 'end',
    status: info.status ?? 'failed',
    annotations: info.annotations.slice(declared).map(plain),
    ...(stop ? { stop } : {}),
    checkFailures,
    errors: info.errors.map((e) => firstLine(e.message ?? e.value)),
    durationMs: info.duration,
  };
}
