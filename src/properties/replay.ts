// ZSTACK_REPLAY_PATH carries what fast-check needs to replay one case: its `path` ("4:1:0"), and for
// model-based properties also the commands' replayPath (which commands had run while shrinking; without it a
// path walk over fc.commands lands on another sequence). The config accepts digits and colons only, so the
// commands' replayPath (fast-check's base64-like text) travels as `<path>::<bit count>:<bits as a decimal>`.

// fast-check's ReplayPath text format (ReplayPath.ts in fast-check's own source): run-length counts, then the run
// values.
const intToB64 = (n: number): string =>
  n < 26
    ? String.fromCharCode(n + 65)
    : n < 52
      ? String.fromCharCode(n + 97 - 26)
      : n < 62
        ? String.fromCharCode(n + 48 - 52)
        : n === 62
          ? '+'
          : '/';
const b64ToInt = (c: string): number =>
  c >= 'a'
    ? c.charCodeAt(0) - 97 + 26
    : c >= 'A'
      ? c.charCodeAt(0) - 65
      : c >= '0'
        ? c.charCodeAt(0) - 48 + 52
        : c === '+'
          ? 62
          : 63;

export function parseCommandsReplayPath(text: string): boolean[] {
  const [counts = '', changes = ''] = text.split(':');
  const values: boolean[] = [];
  for (const c of changes) for (let n = 0, v = b64ToInt(c); n !== 6; ++n, v >>= 1) values.push(v % 2 === 1);
  const out: boolean[] = [];
  [...counts].forEach((c, i) => {
    for (let k = 0; k <= b64ToInt(c); k++) out.push(values[i] ?? false);
  });
  return out;
}

export function stringifyCommandsReplayPath(bits: boolean[]): string {
  const runs: Array<{ value: boolean; count: number }> = [];
  for (const b of bits) {
    const last = runs[runs.length - 1];
    if (!last || last.count === 64 || last.value !== b) runs.push({ value: b, count: 1 });
    else last.count++;
  }
  let changes = '';
  for (let i = 0; i < runs.length; i += 6)
    changes += intToB64(runs.slice(i, i + 6).reduceRight((acc, r) => (acc << 1) + (r.value ? 1 : 0), 0));
  return `${runs.map((r) => intToB64(r.count - 1)).join('')}:${changes}`;
}

export interface Replay {
  path: string;
  commandsReplayPath?: string;
}

export function encodeReplay(r: Replay): string {
  if (!r.commandsReplayPath) return r.path;
  const bits = parseCommandsReplayPath(r.commandsReplayPath);
  let n = 0n;
  for (let i = bits.length - 1; i >= 0; i--) n = (n << 1n) | (bits[i] ? 1n : 0n);
  return `${r.path}::${bits.length}:${n.toString(10)}`;
}

export function decodeReplay(text: string): Replay {
  const [path, extra] = text.split('::');
  if (!/^\d+(:\d+)*$/.test(path))
    throw new Error(`ZSTACK_REPLAY_PATH: "${text}" does not start with a fast-check path like 4:1:0`);
  if (extra === undefined) return { path };
  const m = /^(\d+):(\d+)$/.exec(extra);
  if (!m) throw new Error(`ZSTACK_REPLAY_PATH: "${text}": expected <path>::<bit count>:<bits>`);
  const bits: boolean[] = [];
  let n = BigInt(m[2]);
  for (let i = 0; i < Number(m[1]); i++) {
    bits.push((n & 1n) === 1n);
    n >>= 1n;
  }
  return { path, commandsReplayPath: stringifyCommandsReplayPath(bits) };
}

/** The commands' replayPath fast-check prints in a counterexample: `... /*replayPath="..."*\/`. */
export function commandsReplayPathOf(counterexampleText: string): string | undefined {
  const m = /replayPath=("(?:[^"\\]|\\.)*")/.exec(counterexampleText);
  return m ? (JSON.parse(m[1]) as string) : undefined;
}
