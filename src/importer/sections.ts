// Page text as numbered lines, the format it is in, and the small readers both formats share: a JSON block that
// spans lines, a curl command, a "name | type | ..." table. Site text around the page (menus, contact lines,
// download notices) is skipped by the format readers, which only take the lines they expect.
import { PageError } from './page-error.ts';

export interface Line {
  no: number;
  text: string;
}

export function pageLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((t, i) => ({ no: i + 1, text: t.replace(/\s+$/, '') }));
}

/**
 * Table format: a request line "METHOD zstack/v1/..." and "名字 | 类型 |" tables; explorer format: "请求体字段"/"操作 ID" headings
 * with "• name Type" fields.
 */
export function detectFormat(file: string, lines: Line[]): 'table' | 'explorer' {
  if (lines.some((l) => /^\s*•\s/.test(l.text)) && lines.some((l) => /^(操作 ID|Operation ID)$/.test(l.text.trim())))
    return 'explorer';
  if (lines.some((l) => isTableHeader(l.text))) return 'table';
  throw new PageError(
    file,
    1,
    'a ZStack API doc page: either "名字 | 类型 | ..." tables (table format) or "• field" lists with an "操作 ID" heading (API explorer format)',
    lines.find((l) => l.text.trim() !== '')?.text ?? '',
  );
}

const HEADER_WORDS: Record<string, RegExp> = {
  name: /^(名字|name)$/i,
  type: /^(类型|type)$/i,
  in: /^(位置|location|in)$/i,
  description: /^(描述|description)$/i,
  values: /^(可选值|allowed values|values)$/i,
  since: /^(起始版本|since)$/i,
};

export function tableCells(text: string): string[] {
  const t = text.trim().replace(/^\|/, '');
  const cells = t.split('|').map((c) => c.trim());
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

export function isTableHeader(text: string): boolean {
  const cells = tableCells(text);
  return cells.length >= 3 && HEADER_WORDS.name.test(cells[0]) && HEADER_WORDS.type.test(cells[1]);
}

export const isTableRule = (text: string): boolean => /^\s*-{3,}\s*(\|\s*-{3,}\s*)+\|?\s*$/.test(text);

/** Column kinds of a table header, in order. */
export function headerColumns(text: string): string[] {
  return tableCells(text).map((c) => Object.entries(HEADER_WORDS).find(([, re]) => re.test(c))?.[0] ?? 'other');
}

/** Reads a JSON value that starts at lines[i] ("{" or "[") and may span lines; returns it and the next index. */
export function readJsonBlock(file: string, lines: Line[], i: number): { value: unknown; next: number } {
  let depth = 0;
  let inString = false;
  let escaped = false;
  const parts: string[] = [];
  for (let j = i; j < lines.length; j++) {
    const t = lines[j].text;
    parts.push(t);
    for (const ch of t) {
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth === 0) {
      try {
        return { value: JSON.parse(parts.join('\n')), next: j + 1 };
      } catch (e) {
        throw new PageError(
          file,
          lines[i].no,
          `a JSON example (${e instanceof Error ? e.message : String(e)})`,
          lines[i].text,
        );
      }
    }
  }
  throw new PageError(
    file,
    lines[i].no,
    'a JSON example closed by a matching bracket before the end of the page',
    lines[i].text,
  );
}

export interface CurlCommand {
  method?: string;
  url?: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Parses one curl command (continuation lines already joined): -X, -H, -d, and its URL. */
export function parseCurl(file: string, line: number, command: string): CurlCommand {
  const words: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command))
    words.push(m[1] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]));
  const out: CurlCommand = { headers: {} };
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (w === '-X' || w === '--request') out.method = words[++k];
    else if (w === '-H' || w === '--header') {
      const h = words[++k] ?? '';
      const colon = h.indexOf(':');
      if (colon > 0) out.headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    } else if (w === '-d' || w === '--data' || w === '--data-raw') {
      const raw = words[++k] ?? '';
      try {
        out.body = JSON.parse(raw);
      } catch {
        throw new PageError(file, line, 'a JSON body after curl -d', raw);
      }
    } else if (/^https?:\/\//.test(w)) out.url = w;
  }
  return out;
}

/** The path of an example URL with its host removed ("http://{host}/zstack/v1/x" -> "/zstack/v1/x"). */
export const urlPath = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '');

export const VERSION = /^\d+\.\d+\.\d+$/;
