// The one error an unreadable page gives: the file, the line, what was expected there and what was found.
export class PageError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly expected: string,
    readonly found?: string,
  ) {
    const shown =
      found === undefined ? '' : `, found ${JSON.stringify(found.length > 80 ? `${found.slice(0, 80)}…` : found)}`;
    super(`${file}:${line}: expected ${expected}${shown}`);
    this.name = 'PageError';
  }
}
