// A recording: what one test sent and received, judged step by step, so that a later run can judge it again
// (replay) or set it beside another endpoint's (diff) without touching either endpoint. One JSON-lines file per
// test under reports/recordings/<runId>/: a header, one line per judged step, an end line. Every step and end line
// went through redaction (src/reporting/redact.ts) before it was written; the header holds only what the test's
// code declares and the run's settings.
import type { Observation } from '../exchange/observation.ts';
import type { Severity } from '../checks/index.ts';
import type { RecordError } from '../reporting/test-record.ts';

export const RECORDING_FORMAT = 1;

/** Which test a recording belongs to and the run that made it. */
export interface RecordingHeader {
  kind: 'header';
  format: typeof RECORDING_FORMAT;
  test: {
    /** `<project> › <file> › <title path>`: the same test in two runs has the same id */
    id: string;
    project: string;
    /** the spec file, relative to the tests folder */
    file: string;
    titlePath: string[];
    tags: string[];
    /** the test's annotations when it was declared (api, since, area) */
    annotations: Array<{ type: string; description?: string }>;
  };
  run: {
    runId: string;
    /** ZSTACK_SEED of the run (a recorded run pins one when it is unset, src/config.ts) */
    seed?: number;
    suiteVersion: string;
    targetVersion: string;
    /** the target's origin, or "embedded" */
    target: string;
    startedAt: string;
  };
}

/** An Observation as written: the descriptor by name only (replay reads today's contracts). */
export type RecordedObservation = Omit<Observation, 'api'> & { api: string };

/** One judged step: the observation and the checks the run judged it with. */
export interface RecordingStep {
  kind: 'step';
  /** position in the test, from 0 */
  index: number;
  /** the scenario, the property case and step, or the sweep the observation belongs to */
  unit: string;
  /** the step's own label, when the unit has several (a property case's `CreateX: name=...`) */
  label?: string;
  checks: string[];
  /** the checks that failed on it when it was recorded, each with its first finding (the diff compares them) */
  failed?: Array<{ check: string; severity: Severity; title: string }>;
  observation: RecordedObservation;
}

/** How the test ended, as the runner saw it. */
export interface RecordingEnd {
  kind: 'end';
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** the annotations the test added while it ran (seed, skip reasons, not-served, advisories, ...) */
  annotations: Array<{ type: string; description?: string }>;
  /** why it stopped, when not for a check: a setup refusal, the endpoint gone, a time guard (RecordError) */
  stop?: RecordError;
  /** required check violations found while recording (a failed test with none failed for another reason) */
  checkFailures: number;
  /** the error messages the runner reported, first lines only */
  errors: string[];
  durationMs: number;
}

export type RecordingLine = RecordingHeader | RecordingStep | RecordingEnd;

/** One test's recording, read back. */
export interface RecordedTest {
  header: RecordingHeader;
  steps: RecordingStep[];
  /** undefined when the run ended before the test did */
  end: RecordingEnd | undefined;
}
