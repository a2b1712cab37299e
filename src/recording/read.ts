// Reads recordings back (src/recording/recording.ts): every *.jsonl file of a folder, each reply's JSON derived
// from its text the way the transport derives it (src/client/transport.ts). A file that is not a recording is one
// error naming the file and the line.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange, WireResponse } from '../exchange/exchange.ts';
import { isObject, parseJsonBody } from '../exchange/json.ts';
import {
  RECORDING_FORMAT,
  type RecordedTest,
  type RecordingEnd,
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

function parseLine(text: string, where: string): RecordingLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new RecordingError(`${where}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(value) || typeof value['kind'] !== 'string' || !['header', 'step', 'end'].includes(value['kind']))
    throw new RecordingError(`${where}: not a recording line (expected kind header, step or end)`);
  return value as unknown as RecordingLine;
}

/** One test's recording from the text of its file; `file` names it in errors. */
export function parseRecording(text: string, file: string): RecordedTest {
  let header: RecordingHeader | undefined;
  const steps: RecordingStep[] = [];
  let end: RecordingEnd | undefined;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file}:${i + 1}`;
    const line = parseLine(raw, where);
    if (!header && line.kind !== 'header')
      throw new RecordingError(`${where}: missing header (the first line must be one)`);
    if (line.kind === 'header') {
      if (header) throw new RecordingError(`${where}: a second header`);
      if (line.format !== RECORDING_FORMAT)
        throw new RecordingError(
          `${where}: recording format ${String(line.format)}; this suite reads ${RECORDING_FORMAT}`,
        );
      header = line;
    } else if (line.kind === 'step')
      steps.push({
        ...line,
        observation: { ...line.observation, exchange: restoredExchange(line.observation.exchange) },
      });
    else end = line;
  });
  if (!header) throw new RecordingError(`${file}:1: missing header (the file is empty)`);
  return { header, steps, end };
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

/** The first line of a file, read in chunks until its end: a recording's steps can run to megabytes. */
function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(64 * 1024);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const newline = chunk.subarray(0, n).indexOf(0x0a);
      chunks.push(Buffer.from(chunk.subarray(0, newline < 0 ? n : newline)));
      if (newline >= 0) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The header of every recording in `dir`, with its file (the first line of each file only). */
export function readRecordingHeaders(dir: string): Array<{ file: string; header: RecordingHeader }> {
  return recordingFiles(dir).map((file) => ({ file, header: parseRecording(firstLine(file), file).header }));
}

export const readRecordingFile = (file: string): RecordedTest => parseRecording(readFileSync(file, 'utf8'), file);

/** Every recording in `dir` (a run's folder), ordered by test id. */
export function readRecordingDir(dir: string): RecordedTest[] {
  return recordingFiles(dir)
    .map(readRecordingFile)
    .sort((a, b) => a.header.test.id.localeCompare(b.header.test.id));
}
