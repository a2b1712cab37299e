// Reads a recording folder back: every `*.jsonl` file is one test, a header line, its steps, and an end line
// when the run got that far. A line that is not JSON, or a file that does not start with a header, is an Error
// naming the file and the line, so a damaged recording is never compared or replayed half-read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../exchange/json.ts';
import type { RecordedTest, RecordingEnd, RecordingHeader, RecordingLine, RecordingStep } from './recording.ts';

const KINDS = new Set(['header', 'step', 'end']);

function parseLine(text: string, where: string): RecordingLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(value) || typeof value['kind'] !== 'string' || !KINDS.has(value['kind'])) {
    throw new Error(`${where}: not a recording line (expected kind header, step or end)`);
  }
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
    if (!header && line.kind !== 'header') throw new Error(`${where}: missing header (the first line must be one)`);
    if (line.kind === 'header') {
      if (header) throw new Error(`${where}: a second header`);
      header = line;
    } else if (line.kind === 'step') steps.push(line);
    else end = line;
  });
  if (!header) throw new Error(`${file}:1: missing header (the file is empty)`);
  return { header, steps, end };
}

/** Every test recorded in `dir` (its `*.jsonl` files, in name order). */
export function readRecordingDir(dir: string): RecordedTest[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      return parseRecording(readFileSync(file, 'utf8'), file);
    });
}
