// MariaDB's utf8_general_ci, as far as the suite relies on it (written from the collation's weight table, not
// from any server code): every character has the weight of its upper-case base letter, so case and the
// accents below do not count; `=`, `<`, `>` and IN pad with spaces (trailing spaces do not count); LIKE
// compares character by character and trailing spaces do count.
//
// Only characters whose weight is certain are accepted: printable ASCII and the accented Latin-1 letters in
// BASE_LETTER. Others (ß, Æ, Ø, Þ, other scripts, anything below U+0020) throw UncertainCollation, and the
// generators never produce them.

export class UncertainCollation extends Error {
  constructor(readonly char: string) {
    super(
      `no certain utf8_general_ci weight for ${JSON.stringify(char)} (U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`,
    );
    this.name = 'UncertainCollation';
  }
}

/** Accented Latin-1 letters and the base letter utf8_general_ci weighs them as. */
export const BASE_LETTER: Readonly<Record<string, string>> = {
  á: 'a',
  à: 'a',
  â: 'a',
  ä: 'a',
  ã: 'a',
  å: 'a',
  Á: 'A',
  À: 'A',
  Â: 'A',
  Ä: 'A',
  Ã: 'A',
  Å: 'A',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  É: 'E',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  Í: 'I',
  Ì: 'I',
  Î: 'I',
  Ï: 'I',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  õ: 'o',
  Ó: 'O',
  Ò: 'O',
  Ô: 'O',
  Ö: 'O',
  Õ: 'O',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  Ú: 'U',
  Ù: 'U',
  Û: 'U',
  Ü: 'U',
  ñ: 'n',
  Ñ: 'N',
  ç: 'c',
  Ç: 'C',
  ý: 'y',
  Ý: 'Y',
};

/** The weight of one character: its code after folding to the upper-case base letter. */
export function weight(ch: string): number {
  const base = BASE_LETTER[ch] ?? ch;
  const code = base.codePointAt(0) ?? 0;
  if (code < 0x20 || code > 0x7e) throw new UncertainCollation(ch);
  return code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
}

const weights = (s: string): number[] => [...s].map(weight);

/** Weights with trailing spaces dropped (PAD SPACE: `=`, `<`, `>`, IN and ORDER BY). */
function padded(s: string): number[] {
  const w = weights(s);
  while (w.length > 0 && w[w.length - 1] === 0x20) w.pop();
  return w;
}

/** Compares two strings as `<` / `=` / `>` do: -1, 0 or 1. Every weight is >= space, so padding equals dropping. */
export function compareText(a: string, b: string): number {
  const x = padded(a);
  const y = padded(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** One LIKE pattern element: a literal weight, `_` or `%`. */
type Token = { kind: 'char'; w: number } | { kind: 'one' } | { kind: 'any' };

/** Parses a LIKE pattern: `%` any run, `_` one character, `\` makes the next character literal. */
export function likeTokens(pattern: string): Token[] {
  const chars = [...pattern];
  const out: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      // A trailing lone backslash is left out of the generated patterns: what MariaDB does with it is not relied on.
      if (i + 1 >= chars.length) throw new UncertainCollation('\\ at the end of a LIKE pattern');
      out.push({ kind: 'char', w: weight(chars[++i]) });
    } else if (c === '%') out.push({ kind: 'any' });
    else if (c === '_') out.push({ kind: 'one' });
    else out.push({ kind: 'char', w: weight(c) });
  }
  return out;
}

/** `text LIKE pattern` under the collation (no padding). */
export function like(text: string, pattern: string): boolean {
  const t = weights(text);
  const p = likeTokens(pattern);
  // memoised match of p[i..] against t[j..]
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (t.length + 1) + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (i === p.length) r = j === t.length;
    else {
      const tok = p[i];
      if (tok.kind === 'any') r = go(i + 1, j) || (j < t.length && go(i, j + 1));
      else if (j >= t.length) r = false;
      else r = (tok.kind === 'one' || tok.w === t[j]) && go(i + 1, j + 1);
    }
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}
