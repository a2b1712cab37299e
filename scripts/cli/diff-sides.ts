// The two sides of `npm run diff`: each is a recording (a folder a recorded run wrote) or an endpoint (a settings
// file in .env form). An endpoint is run by the diff itself: the conformance projects that judge exchanges, with
// recording on, the diff's seed, its own run id, and only the settings of its file (none of this shell's ZSTACK_*,
// which would otherwise override the file), so each side gets the run's naming, cleanup, load bound and
// read-only mode.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRecordingDir, RecordingError } from '../../src/recording/read.ts';
import type { RecordedTest } from '../../src/recording/recording.ts';
import { recordingsDir } from '../../src/recording/recorder.ts';
import { runPlaywright, withOnlySettings } from './playwright-child.ts';

/** The projects whose tests judge exchanges and so are recorded (pacts are compared by Pact, not here). */
export const RECORDED_PROJECTS = ['conformance', 'protocol', 'sweep', 'derived', 'properties'] as const;

export type Side =
  | { kind: 'recording'; arg: string; dir: string; tests: RecordedTest[] }
  | { kind: 'endpoint'; arg: string; settingsFile: string };

export class SideError extends Error {}

export function sideOf(arg: string): Side {
  const path = resolve(arg);
  if (!existsSync(path)) throw new SideError(`${arg}: no such file or folder (a recording folder or a settings file)`);
  if (statSync(path).isDirectory()) {
    try {
      return { kind: 'recording', arg, dir: path, tests: readRecordingDir(path) };
    } catch (e) {
      if (e instanceof RecordingError) throw new SideError(e.message);
      throw e;
    }
  }
  return { kind: 'endpoint', arg, settingsFile: path };
}

export interface SideRun {
  seed: number;
  runId: string;
  grep: string | undefined;
  readOnly: boolean;
  workers: string | undefined;
}

/** Runs an endpoint side and reads its recording; a run that recorded nothing (a bad setting) is a SideError. */
export async function recordEndpoint(side: Side & { kind: 'endpoint' }, run: SideRun): Promise<RecordedTest[]> {
  const env = withOnlySettings({
    ZSTACK_ENV_FILE: side.settingsFile,
    ZSTACK_RECORD: 'true',
    ZSTACK_RUN_ID: run.runId,
    ZSTACK_SEED: String(run.seed),
    ...(run.readOnly ? { ZSTACK_READ_ONLY: 'true' } : {}),
    ...(run.workers ? { ZSTACK_WORKERS: run.workers } : {}),
  });
  const args = [
    ...RECORDED_PROJECTS.map((p) => `--project=${p}`),
    ...(run.grep !== undefined ? ['--grep', run.grep] : []),
    '--reporter=dot',
  ];
  const code = await runPlaywright('playwright.config.ts', args, env);
  // exit 1 is the endpoint failing rules, which the diff is about; anything else stopped the run
  if (code !== 0 && code !== 1) throw new SideError(`${side.arg}: the run ended with exit ${code} (see above)`);
  const dir = recordingsDir(run.runId);
  try {
    return readRecordingDir(dir);
  } catch (e) {
    if (e instanceof RecordingError) throw new SideError(`${side.arg}: the run recorded nothing (${e.message})`);
    throw e;
  }
}
