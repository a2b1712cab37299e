// The API-explorer page: a heading line "PUT<group>起始版本 3.0.0同步需要认证", field lists ("• nameType必填" with the
// description on the next line, nested by indentation) under 路径参数 / 请求体字段 / 查询参数 / 响应状态, then
// 请求地址 (method and path), 操作 ID (the API name), 请求示例 (a curl line) and 响应示例 (status and JSON).
// English headings (Path parameters, Request body, Query parameters, Response, Endpoint, Operation ID,
// Request example, Response example) are read the same way.
import { splitNameAndType } from './field-names.ts';
import { PageError } from './page-error.ts';
import type { PageField, ParsedPage } from './page-model.ts';
import { parseCurl, readJsonBlock, urlPath, VERSION, type Line } from './sections.ts';

const HEADING = /^(GET|POST|PUT|DELETE)(.*?)(?:起始版本|since)\s*(\d+\.\d+\.\d+)\s*(同步|异步|sync|async)?/i;
const BULLET = /^(\s*)•\s*(\S+?)(必填|required)?$/i;
const ENDPOINT = /^(GET|POST|PUT|DELETE)\s*(\/\S+)$/;

type Section =
  'path' | 'body' | 'query' | 'reply' | 'endpoint' | 'operation' | 'request-example' | 'response-example' | 'other';
const SECTIONS: Array<[RegExp, Section]> = [
  [/^(路径参数|path parameters)$/i, 'path'],
  [/^(请求体字段|request body)$/i, 'body'],
  [/^(查询参数|query parameters)$/i, 'query'],
  [/^(响应状态|response)$/i, 'reply'],
  [/^(请求地址|endpoint)$/i, 'endpoint'],
  [/^(操作 ID|operation id)$/i, 'operation'],
  [/^(请求示例|request example)$/i, 'request-example'],
  [/^(响应示例|response example)$/i, 'response-example'],
  [/^(变更历史|change history|永久链接|permalink|请求参数|request parameters|调试可用性|在线调试)$/i, 'other'],
];

export function readExplorerPage(file: string, lines: Line[]): ParsedPage {
  const headIdx = lines.findIndex((l) => HEADING.test(l.text.trim()));
  if (headIdx < 0)
    throw new PageError(
      file,
      1,
      'a heading line "<METHOD><group>起始版本 <x.y.z>同步|异步..." (API explorer page)',
      lines.find((l) => l.text.trim())?.text ?? '',
    );
  const head = HEADING.exec(lines[headIdx].text.trim()) as RegExpExecArray;
  const since = head[3];
  const claim = head[4];

  const fields: Record<'path' | 'body' | 'query' | 'reply', PageField[]> = { path: [], body: [], query: [], reply: [] };
  let section: Section = 'other';
  const stack: Array<{ indent: number; field: PageField }> = [];
  let endpoint: { method: string; path: string; line: number } | undefined;
  let apiName: string | undefined;
  let curl: ParsedPage['requestExample'];
  let responseExample: ParsedPage['responseExample'];

  for (let i = headIdx + 1; i < lines.length; i++) {
    const { text, no } = lines[i];
    const trimmed = text.trim();
    if (trimmed === '') continue;
    const heading = SECTIONS.find(([re]) => re.test(trimmed));
    if (heading) {
      section = heading[1];
      stack.length = 0;
      continue;
    }
    if (section === 'path' || section === 'body' || section === 'query' || section === 'reply') {
      const bullet = BULLET.exec(text);
      if (bullet) {
        const split = splitNameAndType(bullet[2]);
        if (!split)
          throw new PageError(
            file,
            no,
            'a field "• <name><Type>[必填]" whose type is a known doc type, an inventory or an enum',
            trimmed,
          );
        const indent = bullet[1].length;
        const field: PageField = {
          name: split.name,
          type: split.type,
          required: bullet[3] !== undefined,
          children: [],
          line: no,
        };
        if (section !== 'reply') field.in = section;
        while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
        if (stack.length > 0) stack[stack.length - 1].field.children.push(field);
        else fields[section].push(field);
        stack.push({ indent, field });
        continue;
      }
      const owner = stack[stack.length - 1]?.field;
      if (owner && owner.description === undefined && !/^\d{3}\b/.test(trimmed)) owner.description = trimmed;
      continue;
    }
    if (section === 'endpoint' && !endpoint) {
      const m = ENDPOINT.exec(trimmed);
      if (!m) throw new PageError(file, no, 'the endpoint "<METHOD>/zstack/v1/..." under 请求地址', trimmed);
      endpoint = { method: m[1], path: m[2], line: no };
    } else if (section === 'operation' && !apiName) {
      if (!/^[A-Z][A-Za-z0-9]+$/.test(trimmed))
        throw new PageError(
          file,
          no,
          'the operation ID (the API name, e.g. UpdateIAM2TicketFlowCollection) under 操作 ID',
          trimmed,
        );
      apiName = trimmed;
    } else if (section === 'request-example' && !curl && trimmed.startsWith('curl')) {
      const c = parseCurl(file, no, trimmed);
      curl = {
        method: c.method,
        ...(c.url ? { path: urlPath(c.url) } : {}),
        headers: c.headers,
        body: c.body,
        line: no,
      };
    } else if (section === 'response-example' && !responseExample) {
      if (/^\d{3}$/.test(trimmed)) {
        const j = lines.findIndex((l, k) => k > i && l.text.trim() !== '');
        if (j < 0 || !/^[[{]/.test(lines[j].text.trim()))
          throw new PageError(
            file,
            lines[j]?.no ?? no,
            'the JSON body of the response example after its status',
            lines[j]?.text ?? '',
          );
        const block = readJsonBlock(file, lines, j);
        responseExample = { status: Number(trimmed), body: block.value, line: lines[j].no };
        i = block.next - 1;
      }
    }
  }

  if (!endpoint)
    throw new PageError(
      file,
      lines[lines.length - 1].no,
      'a 请求地址 (endpoint) section with "<METHOD>/zstack/v1/..."',
    );
  if (!apiName)
    throw new PageError(file, lines[lines.length - 1].no, 'an 操作 ID (operation ID) section naming the API');
  if (endpoint.method !== head[1].toUpperCase())
    throw new PageError(file, endpoint.line, `the method of the heading (${head[1]})`, endpoint.method);
  if (fields.reply.length === 0)
    throw new PageError(
      file,
      lines[headIdx].no,
      'a 响应状态 (response) section listing the reply fields (error, inventory)',
    );

  // the parameters of an action or create sit in one Object field named after the body key
  const wrapper = fields.body.find((f) => f.type === 'Object' && f.children.length > 0);
  const params: PageField[] = [
    ...fields.path,
    ...fields.query,
    ...(wrapper ? wrapper.children.map((c) => ({ ...c, in: 'body' as const })) : []),
    ...fields.body.filter((f) => f !== wrapper),
  ];
  for (const p of params) if (p.description && /^(可选|optional)[。.]?$/i.test(p.description)) delete p.description;
  if (!VERSION.test(since)) throw new PageError(file, lines[headIdx].no, 'a since-version x.y.z', since);
  return {
    file,
    format: 'explorer',
    apiName,
    method: endpoint.method as ParsedPage['method'],
    pathAsWritten: endpoint.path,
    pathLine: endpoint.line,
    since,
    ...(claim ? { claimsSync: /^(同步|sync)$/i.test(claim) } : {}),
    ...(wrapper ? { bodyKey: wrapper.name } : {}),
    params,
    reply: fields.reply,
    ...(curl ? { requestExample: curl } : {}),
    ...(responseExample ? { responseExample } : {}),
  };
}
