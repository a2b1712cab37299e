// The one JSON layout of contracts/ (descriptors, schemas, overrides, doc examples): the top-level object one
// member per line; a member's value laid out one entry per line when it is one of the collections a reader
// scans (params, properties, $defs, docDefects, ...) or an object of three or more members; everything deeper
// on one line. The importer writes with it, so a re-import of an unchanged page is byte-identical.
const EXPANDED = new Set([
  'params',
  'properties',
  '$defs',
  'docDefects',
  'set',
  'docDefectTexts',
  'nested',
  'knownProblems',
]);
const MIN_EXPANDED_MEMBERS = 3;

export function compactJson(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map(compactJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return entries.length === 0
      ? '{}'
      : `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${compactJson(x)}`).join(', ')} }`;
  }
  return JSON.stringify(v);
}

function member(key: string, v: unknown, last: boolean): string {
  const comma = last ? '' : ',';
  const head = `  ${JSON.stringify(key)}: `;
  const compact = compactJson(v);
  const isCollection = v !== null && typeof v === 'object' && compact !== '{}' && compact !== '[]';
  const manyMembers = !Array.isArray(v) && isCollection && Object.keys(v as object).length >= MIN_EXPANDED_MEMBERS;
  if (!isCollection || (!EXPANDED.has(key) && !manyMembers)) return head + compact + comma;
  if (Array.isArray(v))
    return `${head}[\n${v.map((x, i) => `    ${compactJson(x)}${i < v.length - 1 ? ',' : ''}`).join('\n')}\n  ]${comma}`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `${head}{\n${entries.map(([k, x], i) => `    ${JSON.stringify(k)}: ${compactJson(x)}${i < entries.length - 1 ? ',' : ''}`).join('\n')}\n  }${comma}`;
}

/** A contract file's text: the layout above, ending with a newline. */
export function formatContractJson(doc: Record<string, unknown>): string {
  const entries = Object.entries(doc).filter(([, x]) => x !== undefined);
  return `{\n${entries.map(([k, x], i) => member(k, x, i === entries.length - 1)).join('\n')}\n}\n`;
}
