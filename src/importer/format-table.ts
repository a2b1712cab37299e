// The older table page: a request line ("PUT zstack/v1/..."), headers, a JSON request example, a curl line,
// the parameter table (名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本), the JSON response example, the reply table
// and one table per structure a row refers to ("详情参考x"), then SDK snippets and site text. Cells may sit in
// the wrong column and a row may continue on later lines (starting with "|", or with its since-version), with
// the values of a cell listed one per line in between ("- enable", "• enable", either with a leading "|"):
// versions are recognised by their form wherever they are.
import { PageError } from './page-error.ts';
import type { PageExample, PageField, ParsedPage } from './page-model.ts';
import {
  headerColumns,
  isTableHeader,
  isTableRule,
  parseCurl,
  readJsonBlock,
  tableCells,
  urlPath,
  VERSION,
  type Line,
} from './sections.ts';

interface Table {
  line: number;
  columns: string[];
  rows: Array<{ cells: string[]; line: number; bullets: string[] }>;
}

const REQUEST_LINE = /^(GET|POST|PUT|DELETE)\s+(\/?zstack\/\S+|\/?v1\/\S+)$/;
const SDK_CLASS = /^(\w+)Action\s+action\s*=/;
const OPTIONAL_MARK = /\s*[(（](可选|optional)[)）]\s*$/i;
const BODY_KEY = /(?:包含在|inside\s+)(\w+)(?:结构中|\s+structure)?/i;
const REFERENCE = /(?:详情参考|see details(?: of)?\s*|see\s+)(\w+)/i;
/** A value listed on a line of its own inside a row: "- enable", "• enable", "| - enable |". */
const BULLET = /^\|?\s*[-•]\s+([^|]*?)\s*\|?$/;
const VALUE_SEPARATORS = /[\s,，、]+/;

/** A line that goes on with the row above it: it starts with "|", or with a since-version (no name is one). */
const continuesRow = (t: string): boolean => t.startsWith('|') || VERSION.test(tableCells(t)[0] ?? '');

function readTable(file: string, lines: Line[], i: number): { table: Table; next: number } {
  const columns = headerColumns(lines[i].text);
  if (!lines[i + 1] || !isTableRule(lines[i + 1].text))
    throw new PageError(
      file,
      lines[i].no + 1,
      'the table rule "---|---|..." under the header',
      lines[i + 1]?.text ?? '',
    );
  const rows: Table['rows'] = [];
  let j = i + 2;
  for (; j < lines.length; j++) {
    const t = lines[j].text.trim();
    const open = rows.at(-1);
    const bullet = open ? BULLET.exec(t) : null;
    if (open && bullet) {
      open.bullets.push(bullet[1]);
      continue;
    }
    if (t === '' || isTableHeader(t) || t.startsWith('{') || !(t.includes('|') || (open && continuesRow(t)))) break;
    if (open && continuesRow(t)) open.cells.push(...tableCells(t));
    else rows.push({ cells: tableCells(t), line: lines[j].no, bullets: [] });
  }
  return { table: { line: lines[i].no, columns, rows }, next: j };
}

/** One row as a field: columns by header position, a version found in any column is the since-version. */
function rowField(
  file: string,
  table: Table,
  row: Table['rows'][number],
  request: boolean,
): PageField & { bodyKey?: string } {
  const get = (kind: string): string => {
    const k = table.columns.indexOf(kind);
    return k >= 0 ? (row.cells[k] ?? '') : '';
  };
  const rawName = row.cells[0] ?? '';
  const name = rawName.replace(OPTIONAL_MARK, '');
  const type = row.cells[1] ?? '';
  if (!/^[A-Za-z_][\w]*$/.test(name) || !/^[A-Za-z][\w.]*$/.test(type))
    throw new PageError(file, row.line, 'a table row "name | Type | ..."', row.cells.join(' | '));
  const versions = row.cells.slice(2).filter((c) => VERSION.test(c));
  const text = (c: string) => (VERSION.test(c) ? '' : c);
  const field: PageField & { bodyKey?: string } = {
    name,
    type,
    required: request ? !OPTIONAL_MARK.test(rawName) : true,
    children: [],
    line: row.line,
  };
  if (versions.length > 0) field.since = versions[0];
  // listed values belong to the values cell; a table without one lists them in the description
  const bulletsAreValues = request && table.columns.includes('values');
  const description = [text(get('description')), ...(bulletsAreValues ? [] : row.bullets)]
    .filter((d) => d !== '')
    .join(' ');
  if (description) field.description = description;
  if (request) {
    const where = get('in');
    if (/^url$|^path$/i.test(where)) field.in = 'path';
    else if (/^query/i.test(where)) field.in = 'query';
    else if (/^body/i.test(where)) {
      field.in = 'body';
      const key = BODY_KEY.exec(where)?.[1];
      if (key) field.bodyKey = key;
    } else throw new PageError(file, row.line, 'a location (url, body or query) in the 位置 column', where);
    const values = [text(get('values')), ...(bulletsAreValues ? row.bullets : [])]
      .flatMap((v) => v.split(VALUE_SEPARATORS))
      .filter((v) => v !== '');
    if (values.length > 0) field.values = values;
  }
  return field;
}

const isEnumTable = (t: Table): boolean =>
  t.rows.length > 0 && t.rows.every((r) => r.cells[0] === 'name' || r.cells[0] === 'ordinal');

export function readTablePage(file: string, lines: Line[]): ParsedPage {
  const reqIdx = lines.findIndex((l) => REQUEST_LINE.test(l.text.trim()));
  if (reqIdx < 0)
    throw new PageError(
      file,
      lines.find((l) => l.text.trim())?.no ?? 1,
      'a request line such as "PUT zstack/v1/<resources>/{uuid}/actions" before the tables',
    );
  const [, method, pathAsWritten] = REQUEST_LINE.exec(lines[reqIdx].text.trim()) as RegExpExecArray;

  let i = reqIdx + 1;
  const example: PageExample = { headers: {}, line: lines[reqIdx].no, method };
  for (; i < lines.length && /^[\w-]+:\s/.test(lines[i].text); i++) {
    const t = lines[i].text;
    example.headers[t.slice(0, t.indexOf(':'))] = t.slice(t.indexOf(':') + 1).trim();
  }
  if (lines[i]?.text.trim().startsWith('{')) {
    const j = readJsonBlock(file, lines, i);
    example.body = j.value;
    i = j.next;
  }
  let curlBody: unknown;
  if (lines[i]?.text.trim().startsWith('curl')) {
    const start = lines[i].no;
    let command = '';
    for (; i < lines.length; i++) {
      const t = lines[i].text.trim();
      command += ' ' + t.replace(/\\$/, '');
      if (!t.endsWith('\\')) {
        i++;
        break;
      }
    }
    const curl = parseCurl(file, start, command);
    if (curl.url) example.path = urlPath(curl.url);
    Object.assign(example.headers, curl.headers);
    if (example.body === undefined) example.body = curl.body;
    else if (JSON.stringify(curl.body) !== JSON.stringify(example.body)) curlBody = curl.body;
  }

  // the parameter table, the response example, then the reply table and the structure tables
  while (i < lines.length && !isTableHeader(lines[i].text)) i++;
  if (i >= lines.length)
    throw new PageError(
      file,
      lines[lines.length - 1].no,
      'the parameter table "名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本"',
    );
  const paramTable = readTable(file, lines, i);
  if (!paramTable.table.columns.includes('in'))
    throw new PageError(
      file,
      paramTable.table.line,
      'the parameter table with a 位置 (location) column',
      lines[i].text,
    );
  i = paramTable.next;
  let responseExample: ParsedPage['responseExample'];
  while (i < lines.length && lines[i].text.trim() === '') i++;
  if (lines[i]?.text.trim().startsWith('{')) {
    const j = readJsonBlock(file, lines, i);
    responseExample = { status: 200, body: j.value, line: lines[i].no };
    i = j.next;
  }
  const tables: Table[] = [];
  let sdkName: string | undefined;
  for (; i < lines.length; i++) {
    const t = lines[i].text.trim();
    const sdk = SDK_CLASS.exec(t);
    if (sdk) {
      sdkName = sdk[1];
      break;
    }
    if (isTableHeader(t)) {
      const r = readTable(file, lines, i);
      tables.push(r.table);
      i = r.next - 1;
    }
  }
  if (tables.length === 0)
    throw new PageError(
      file,
      lines[Math.min(i, lines.length - 1)].no,
      'the reply table "名字 | 类型 | 描述 | 起始版本" (error, inventory) after the response example',
    );

  const params = paramTable.table.rows.map((r) => rowField(file, paramTable.table, r, true));
  const reply = tables[0].rows.map((r) => rowField(file, tables[0], r, false));
  // structures in the order their references appear, breadth first
  const queue: PageField[] = reply.filter((f) => REFERENCE.test(f.description ?? ''));
  let next = 1;
  while (queue.length > 0) {
    const f = queue.shift() as PageField;
    const table = tables[next++];
    if (!table)
      throw new PageError(
        file,
        f.line,
        `a table for "${f.name}" (its row says ${REFERENCE.exec(f.description ?? '')?.[0]}) after the reply table`,
      );
    if (isEnumTable(table)) {
      f.isEnum = true;
      continue;
    }
    f.children = table.rows.map((r) => rowField(file, table, r, false));
    queue.push(...f.children.filter((c) => REFERENCE.test(c.description ?? '')));
  }

  const bodyKey =
    params.map((p) => p.bodyKey).find((k) => k !== undefined) ??
    (example.body && typeof example.body === 'object'
      ? Object.keys(example.body).find((k) => k !== 'systemTags' && k !== 'userTags')
      : undefined);
  const apiName =
    sdkName ?? (bodyKey && bodyKey !== 'params' ? bodyKey[0].toUpperCase() + bodyKey.slice(1) : undefined);
  if (!apiName)
    throw new PageError(
      file,
      lines[reqIdx].no,
      'the API name: an SDK snippet "<Api>Action action = ..." or a body key "包含在<api>结构中"',
    );
  const since = [...params, ...reply].map((f) => f.since).find((v) => v !== undefined);
  if (!since)
    throw new PageError(
      file,
      paramTable.table.line,
      'a since-version (起始版本, e.g. 2.4.0) in the parameter or reply table',
    );
  for (const p of params) delete (p as { bodyKey?: string }).bodyKey;
  return {
    file,
    format: 'table',
    apiName,
    method: method as ParsedPage['method'],
    pathAsWritten,
    pathLine: lines[reqIdx].no,
    since,
    ...(bodyKey ? { bodyKey } : {}),
    params,
    reply,
    requestExample: example,
    ...(curlBody !== undefined ? { curlBody } : {}),
    ...(responseExample ? { responseExample } : {}),
  };
}
