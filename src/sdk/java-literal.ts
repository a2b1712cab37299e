// The value of a Java literal token, as the Java compiler would read it: integers with their L suffix, hex, octal,
// binary and underscores; floating point; string and char escapes, unicode escapes included.

/** A Java constant as JSON-ready data; integers outside the exact range of a double stay exact as bigint. */
export type JavaConstant = string | number | bigint | boolean | null | JavaConstant[];

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  s: ' ',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
};
const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && '0123456789abcdefABCDEF'.includes(c);

/** The characters of a string or char literal's body (the text between its quotes), escapes resolved. */
export function unescapeJava(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === 'u') {
      let j = i + 1;
      while (body[j] === 'u') j++;
      const hex = body.slice(j, j + 4);
      if (hex.length !== 4 || ![...hex].every(isHex)) throw new Error(`bad unicode escape in "${body}"`);
      out += String.fromCharCode(parseInt(hex, 16));
      i = j + 3;
    } else if (isOctal(next)) {
      // \0 to \377: up to three octal digits, three only when the first is 0-3.
      const max = next <= '3' ? 3 : 2;
      let j = i + 1;
      while (j < i + 1 + max && isOctal(body[j])) j++;
      out += String.fromCharCode(parseInt(body.slice(i + 1, j), 8));
      i = j - 1;
    } else if (next !== undefined && next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else {
      throw new Error(`bad escape \\${next ?? ''} in "${body}"`);
    }
  }
  return out;
}

/** A quoted literal token ("..." or '...') without its quotes, unescaped. */
export const quotedValue = (image: string): string => unescapeJava(image.slice(1, -1));

/** An integer literal token (decimal, 0x hex, 0b binary, 0 octal; underscores; l/L suffix), exact. */
export function integerValue(image: string): number | bigint {
  const digits = image.replace(/_/g, '').replace(/[lL]$/, '');
  const prefixed = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits;
  return exactNumber(BigInt(prefixed));
}

/** A bigint as a number when a double holds it exactly, else kept as bigint. */
export const exactNumber = (n: bigint): number | bigint => (Number.isSafeInteger(Number(n)) ? Number(n) : n);

/** A floating point literal token (f/F/d/D suffix allowed; hex floats are rare enough to be refused). */
export function floatValue(image: string): number {
  const text = image.replace(/_/g, '').replace(/[fFdD]$/, '');
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`unsupported floating point literal ${image}`);
  return value;
}
