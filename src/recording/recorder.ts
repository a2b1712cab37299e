// Writes one test's recording: the steps its checks judged, as the tally hands them over, then the end line
// (src/recording/recording.ts). Every line is redacted as the reports are before it reaches the disk. A reply's
// parsed JSON is not written: the reader derives it from the text the way the transport does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { Exchange, WireResponse } from '../exchange/exchange.ts';
import type { Observation } from '../exchange/observation.ts';
import type { JudgedUnit } from '../reporting/test-record.ts';
import { redactKeepingShape } from '../reporting/redact.ts';
import type { RecordedObservation, RecordingEnd, RecordingHeader, RecordingStep } from './recording.ts';

/** Where a run's recordings go: reports/recordings/<runId>/ in the folder the run was started from. */
export const recordingsDir = (runId: string): string => resolve('reports', 'recordings', runId);

/** A file name that says which test it is and cannot collide with another test's. */
export function recordingFileName(testId: string): string {
  const slug = testId
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug}-${createHash('sha256').update(testId).digest('hex').slice(0, 10)}.jsonl`;
}

const withoutJson = ({ json: _json, ...rest }: WireResponse): WireResponse => rest;

function recordedExchange(x: Exchange): Exchange {
  return {
    ...x,
    hops: x.hops.map((h) => ({ request: h.request, response: withoutJson(h.response) })),
    final: withoutJson(x.final),
  };
}

function recordedObservation(o: Observation): RecordedObservation {
  return { ...o, api: o.api.name, exchange: recordedExchange(o.exchange) };
}

export class TestRecorder {
  private readonly steps: RecordingStep[] = [];

  constructor(readonly header: RecordingHeader) {}

  /** The observations one unit (a scenario, a property case's step, a sweep) was judged on, with its checks. */
  add(judged: JudgedUnit): void {
    const { unit, label, results, observations } = judged;
    observations.forEach((o, i) => {
      const mine = results.filter((r) => r.observation === i);
      const checks = [...new Set(mine.map((r) => r.check))];
      const failed = mine
        .filter((r) => r.status === 'fail')
        .map((r) => ({ check: r.check, severity: r.severity, title: r.violations[0]?.title ?? '' }));
      this.steps.push({
        kind: 'step',
        index: this.steps.length,
        unit,
        ...(label !== undefined ? { label } : {}),
        checks,
        ...(failed.length ? { failed } : {}),
        observation: recordedObservation(o),
      });
    });
  }

  /** The recording as its file holds it: JSON lines, redacted. */
  text(end: RecordingEnd): string {
    // the header names the test as its code declares it (no secret reaches a title); redacting it would only
    // garble words like "OAuth Authorization" in a title, which replay and diff match tests by
    const lines = [
      JSON.stringify(this.header),
      ...[...this.steps, end].map((l) => redactKeepingShape(JSON.stringify(l))),
    ];
    return lines.join('\n') + '\n';
  }

  /** Writes the recording into `dir`; returns its path. */
  write(dir: string, end: RecordingEnd): string {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, recordingFileName(this.header.test.id));
    writeFileSync(path, this.text(end));
    return path;
  }
}

// One test runs at a time in a worker process, so the test being recorded is a process-wide fact: the tallies
// of scenarios, properties and sweeps hand their steps to whichever recorder the test's fixture started.
let active: TestRecorder | undefined;

export function startRecording(recorder: TestRecorder): void {
  active = recorder;
}

export function stopRecording(): void {
  active = undefined;
}

/** What a tally calls with every judged unit; a no-op while nothing is being recorded. */
export function recordJudged(judged: JudgedUnit): void {
  active?.add(judged);
}
