// Reads recordings back (src/recording/recording.ts): every *.jsonl file of a folder, each reply's JSON derived
// from its text the way the transport derives it (src/client/transport.ts). A file that is not a recording is one
// error naming the file and the line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange, WireResponse } from '../exchange/exchange.ts';
import { isObject, parseJsonBody } from '../exchange/json.ts';
import {
  RECORDING_FORMAT,
  type RecordedTest,
  type RecordingHeader,
  type RecordingLine,
  type RecordingStep,
} from './recording.ts';

export class RecordingError extends Error {
  override name = 'RecordingError';
}

const withJson = (r: WireResponse): WireResponse => ({ ...r, json: r.truncated ? undefined : parseJsonBody(r.text) });

export function restoredExchange(x: Exchange): Exchange {
  return {
    ...x,
    hops: x.hops.map((h) => ({ request: h.request, response: withJson(h.response) })),
    final: withJson(x.final),
  };
}

export function parseRecording(text: string, file: string): RecordedTest {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parsed = lines.map((l, i): RecordingLine => {
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch {
      throw new RecordingError(`${file}:${i + 1}: not a JSON line`);
    }
    if (!isObject(v) || !['header', 'step', 'end'].includes(String(v['kind'])))
      throw new RecordingError(`${file}:${i + 1}: not a recording line (kind header, step or end)`);
    return v as unknown as RecordingLine;
  });
  const header = parsed[0];
  if (header?.kind !== 'header') throw new RecordingError(`${file}:1: a recording starts with its header line`);
  if (header.format !== RECORDING_FORMAT)
    throw new RecordingError(
      `${file}:1: recording format ${String(header.format)}; this suite reads ${RECORDING_FORMAT}`,
    );
  const steps = parsed
    .filter((l): l is RecordingStep => l.kind === 'step')
    .map((s) => ({ ...s, observation: { ...s.observation, exchange: restoredExchange(s.observation.exchange) } }));
  const last = parsed[parsed.length - 1];
  return { header, steps, end: last?.kind === 'end' ? last : undefined };
}

function recordingFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new RecordingError(`${dir}: no such folder (expected reports/recordings/<runId>/ of a recorded run)`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) throw new RecordingError(`${dir}: no recording in it (*.jsonl files)`);
  return files;
}

/** The header of every recording in `dir`, with its file (cheap: the first line of each file only). */
export function readRecordingHeaders(dir: string): Array<{ file: string; header: RecordingHeader }> {
  return recordingFiles(dir).map((file) => {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n');
    return { file, header: parseRecording(end < 0 ? text : text.slice(0, end), file).header };
  });
}

export const readRecordingFile = (file: string): RecordedTest => parseRecording(readFileSync(file, 'utf8'), file);

/** Every recording in `dir` (a run's folder), ordered by test id. */
export function readRecordingDir(dir: string): RecordedTest[] {
  return recordingFiles(dir)
    .map(readRecordingFile)
    .sort((a, b) => a.header.test.id.localeCompare(b.header.test.id));
}
