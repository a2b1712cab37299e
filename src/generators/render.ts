// Compact, terminal-safe rendering of generated values for step names and counterexamples: characters
// outside printable ASCII are escaped (\u00a0 is not a space), long strings are cut with their length.
import fc from 'fast-check';

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '"' || c === '\\') return `\\${c}`;
  if (code === 0x0a) return '\\n';
  if (code === 0x09) return '\\t';
  if (code === 0x0d) return '\\r';
  return code < 0x20 || code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : c;
};

export function renderText(s: string, max = 48): string {
  const shown = s.length > max ? `${s.slice(0, max - 12)}…${s.slice(-4)}` : s;
  return `"${[...shown].map((c) => (c === '…' && s.length > max ? c : escapeChar(c))).join('')}"${s.length > max ? `(${s.length} chars)` : ''}`;
}

export function renderValue(v: unknown): string {
  if (typeof v === 'string') return renderText(v);
  if (v === undefined) return 'undefined';
  if (v !== null && typeof v === 'object' && fc.hasToStringMethod(v)) return v[fc.toStringMethod]();
  if (Array.isArray(v)) return `[${v.map(renderValue).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}:${renderValue(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
