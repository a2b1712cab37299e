// Text generators shaped by what a real ZStack stores (docs/zstack-protocol.md#string-trimming; MariaDB utf8:
// docs/zstack-protocol.md#operators-and-collation):
// - Java String.trim() strips characters <= U+0020 at both ends before validation and storage, so a value is
//   built as padding + core + padding, where the core starts and ends with a character above U+0020 and is
//   exactly the trimmed form; max lengths apply to the core.
// - MariaDB's utf8 is 3-byte: only Basic Multilingual Plane characters (no surrogates, so no emoji), no U+0000.
import fc from 'fast-check';

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
const fromCode = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .integer({ min, max })
    .filter((c) => !isSurrogate(c))
    .map((c) => String.fromCharCode(c));

/** A character Java's trim keeps at the ends: above U+0020, in the BMP. Mostly readable, often not ASCII. */
export const edgeChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
  { weight: 2, arbitrary: fromCode(0x21, 0x7e) },
  { weight: 2, arbitrary: fromCode(0xc0, 0x2fff) }, // Latin-1 letters .. symbols (shrinks to U+00C0)
  { weight: 2, arbitrary: fromCode(0x4e00, 0x9fff) }, // CJK ideographs
  { weight: 1, arbitrary: fromCode(0xa000, 0xfffd) },
  // spaces Java's trim keeps (U+00A0, U+2003, U+3000), a BOM, a combining mark, a zero-width space
  { weight: 1, arbitrary: fc.constantFrom('\u00e9', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0301', '\u200b') },
);

/** Any character a value may hold inside: the edge characters plus spaces and controls (never U+0000). */
export const innerChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: edgeChar },
  { weight: 2, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n', '\r', '\u0001', '\u001f') },
);

/** What Java's trim removes: runs of characters U+0001..U+0020 (U+0000 excluded: utf8 columns refuse it). */
export const padding: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u001f', '\u0001'),
      minLength: 1,
      maxLength: 3,
    }),
  },
);

/** A string of exactly `length` characters whose ends survive Java's trim (so it is its own trimmed form). */
export function coreOfLength(length: number): fc.Arbitrary<string> {
  if (length === 0) return fc.constant('');
  if (length === 1) return edgeChar;
  // Long values: a short random body, then one character repeated to the length (cheap to generate and shrink).
  return fc
    .tuple(edgeChar, fc.string({ unit: innerChar, maxLength: Math.min(length - 2, 12) }), edgeChar, edgeChar)
    .map(([first, body, fill, last]) => (first + body + fill.repeat(length)).slice(0, length - 1) + last);
}

/** A trimmed core of 0..max characters, biased to short values but hitting the exact maximum too. */
export function core(opts: { min?: number; max: number }): fc.Arbitrary<string> {
  const min = opts.min ?? 0;
  const max = opts.max;
  const short = fc.integer({ min, max: Math.min(max, Math.max(min, 16)) }).chain(coreOfLength);
  const arbs: Array<fc.WeightedArbitrary<string>> = [{ weight: 6, arbitrary: short }];
  if (max > 16) arbs.push({ weight: 1, arbitrary: fc.integer({ min: 17, max }).chain(coreOfLength) });
  if (max >= min) arbs.push({ weight: 1, arbitrary: coreOfLength(max) });
  return fc.oneof(...arbs);
}

/** A string value as sent: padding + core + padding; `core` is what a conformant server stores. */
export interface PaddedText {
  lead: string;
  core: string;
  trail: string;
}

export function padded(c: fc.Arbitrary<string>, pad = true): fc.Arbitrary<PaddedText> {
  return fc.record({ lead: pad ? padding : fc.constant(''), core: c, trail: pad ? padding : fc.constant('') });
}

export const joinPadded = (p: PaddedText): string => p.lead + p.core + p.trail;
