// ZStack's API doc templates (*Doc_zh_cn.groovy) are a Groovy DSL of nested calls: `doc { rest { request {
// url "GET /v1/x" ... } } }`. This reads that DSL as a tree of statements (a name, its arguments, an optional block)
// with a small tokenizer (strings, triple-quoted strings, identifiers, numbers, brackets, punctuation, comments),
// not as Groovy: the facts the importer wants are string and class-literal arguments of named statements.

export type GroovyToken =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string }
  | { kind: 'newline' };

export interface GroovyStatement {
  name: string;
  /** the tokens after the name on its line (and inside parentheses), the block's braces excluded */
  args: GroovyToken[];
  block?: GroovyStatement[];
}

const isWordStart = (c: string): boolean => /[A-Za-z_$]/.test(c);
const isWordPart = (c: string): boolean => /[A-Za-z0-9_$]/.test(c);

/** The body of a quoted Groovy string, the usual backslash escapes resolved (interpolation is left as written). */
function unescape(body: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && i + 1 < body.length) {
      const next = body[++i];
      out += escapes[next] ?? next;
    } else out += body[i];
  }
  return out;
}

/** The tokens of a doc template; newlines inside parentheses are dropped (an argument list may span lines). */
export function groovyTokens(text: string, file: string): GroovyToken[] {
  const tokens: GroovyToken[] = [];
  let depth = 0;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what} at offset ${i}`);
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      if (depth === 0) tokens.push({ kind: 'newline' });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\ufeff') i++;
    else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      i = end + 2;
    } else if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = text.slice(i, i + 3);
      let j = i + 3;
      while (j < text.length && !text.startsWith(quote, j)) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) fail('unterminated triple-quoted string');
      tokens.push({ kind: 'string', value: unescape(text.slice(i + 3, j)) });
      i = j + 3;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== c) fail('unterminated string');
      tokens.push({ kind: 'string', value: unescape(text.slice(i + 1, j)) });
      i = j + 1;
    } else if (isWordStart(c) || /[0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && (isWordPart(text[j]) || (/[0-9]/.test(c) && text[j] === '.'))) j++;
      tokens.push({ kind: 'word', value: text.slice(i, j) });
      i = j;
    } else {
      if (c === '(' || c === '[') depth++;
      if ((c === ')' || c === ']') && depth > 0) depth--;
      tokens.push({ kind: 'punct', value: c });
      i++;
    }
  }
  return tokens;
}

/** The statements of a token list: each starts with a word and runs to the line's end, a `;` or a `}`;
 * a `{` on that line opens its block. Lines that start with anything else are skipped. */
export function groovyStatements(tokens: readonly GroovyToken[], file: string): GroovyStatement[] {
  let i = 0;
  const block = (closing: boolean): GroovyStatement[] => {
    const statements: GroovyStatement[] = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (t.kind === 'punct' && t.value === '}') {
        if (!closing) throw new Error(`${file}: unbalanced }`);
        i++;
        return statements;
      }
      if (t.kind !== 'word') {
        i++;
        continue;
      }
      const statement: GroovyStatement = { name: t.value, args: [] };
      i++;
      while (i < tokens.length) {
        const a = tokens[i];
        if (a.kind === 'newline' || (a.kind === 'punct' && a.value === '}')) break;
        if (a.kind === 'punct' && a.value === ';') {
          i++;
          break;
        }
        if (a.kind === 'punct' && a.value === '{') {
          i++;
          statement.block = block(true);
          break;
        }
        statement.args.push(a);
        i++;
      }
      statements.push(statement);
    }
    if (closing) throw new Error(`${file}: unbalanced {`);
    return statements;
  };
  return block(false);
}

export const parseGroovyDoc = (text: string, file: string): GroovyStatement[] =>
  groovyStatements(groovyTokens(text, file), file);

/** The statements named `name` among `statements`. */
export const named = (statements: readonly GroovyStatement[] | undefined, name: string): GroovyStatement[] =>
  (statements ?? []).filter((s) => s.name === name);

/** The one statement named `name`, or undefined when there is none or several. */
export function only(statements: readonly GroovyStatement[] | undefined, name: string): GroovyStatement | undefined {
  const found = named(statements, name);
  return found.length === 1 ? found[0] : undefined;
}

/** The statement's first string argument. */
export const stringArg = (s: GroovyStatement | undefined): string | undefined => {
  const t = s?.args.find((a) => a.kind === 'string');
  return t?.kind === 'string' ? t.value : undefined;
};

/** A class literal argument (`clz X.class`, `clz a.b.X.class`) as written before `.class`. */
export function classArg(s: GroovyStatement | undefined): string | undefined {
  const args = s?.args ?? [];
  const words: string[] = [];
  for (const a of args) {
    if (a.kind === 'word') words.push(a.value);
    else if (!(a.kind === 'punct' && a.value === '.')) return undefined;
  }
  return words.length >= 2 && words[words.length - 1] === 'class' ? words.slice(0, -1).join('.') : undefined;
}

/** The dotted name a `package a.b.c` or `import a.b.C` statement names. */
export const dottedArg = (s: GroovyStatement): string =>
  s.args
    .filter((a) => a.kind === 'word')
    .map((a) => (a as { value: string }).value)
    .join('.');
