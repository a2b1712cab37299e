// What both page formats say, in one neutral shape: the importer's rules and overrides work on this, never on
// page text. Every item keeps the line it came from, so a later complaint can name it.

/** One documented field: a request parameter, a reply member, or a member of a documented structure. */
export interface PageField {
  name: string;
  /**
   * the docs' type name as written: String, Boolean, Timestamp, List, LinkedHashMap, int, long, StateEvent, XInventory,
   * ...
   */
  type: string;
  /** the page marks it required (必填 / no 可选 marker in the table format) */
  required: boolean;
  /** request parameters only: url (path), body, query */
  in?: 'path' | 'body' | 'query';
  since?: string;
  description?: string;
  /** values the page lists (可选值), if any */
  values?: string[];
  /** members of the structure this field holds (nested fields or the table it refers to) */
  children: PageField[];
  /** the page documents this type as an enum (a name/ordinal table) */
  isEnum?: boolean;
  line: number;
}

export interface PageExample {
  method?: string;
  /** the request path as the example writes it (with /zstack), host removed */
  path?: string;
  headers: Record<string, string>;
  body?: unknown;
  line: number;
}

export interface ParsedPage {
  file: string;
  format: 'table' | 'explorer';
  /** API name (operation ID, or the SDK action class without "Action") */
  apiName: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** the path as the page's request line writes it (may lack its leading slash) */
  pathAsWritten: string;
  pathLine: number;
  since: string;
  /** what the page claims about sync/async, if it says anything */
  claimsSync?: boolean;
  /** the body key as the page writes it (the structure the parameters are wrapped in) */
  bodyKey?: string;
  params: PageField[];
  /** reply members: error, inventory / inventories */
  reply: PageField[];
  requestExample?: PageExample;
  /** the curl line's body, when the page has both a JSON request example and a curl line */
  curlBody?: unknown;
  responseExample?: { status: number; body: unknown; line: number };
}
