// The page's request and response examples, checked against the contracts being written: every schema error
// they have becomes a known problem tied to a doc defect, and the defects the page shows by its form (a path
// without its slash, a lower-case body key, "synchronous", every reply field "required") are found here too.
// Texts come from the API's override file; a defect found without one gets a generated text.
import { basename } from 'node:path';
import type { ApiDescriptor, Contracts, DocDefect } from '../../contracts/index.ts';
import { requestBodySchema } from '../contract-model/request-schema.ts';
import { SchemaRegistry } from '../contract-model/schemas.ts';
import type { ParsedPage } from './page-model.ts';

export interface KnownProblem {
  path: string;
  missingProperty?: string;
  keyword?: string;
  defect: string;
}

export interface DocExampleFixture {
  $comment: string;
  api: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  curlBody?: unknown;
  response: { status: number; body: unknown };
  knownProblems: Record<string, KnownProblem[]>;
}

const ANCHOR = 'docs/zstack-protocol.md#';

interface Finding {
  id: string;
  says: string;
  actually: string;
  source: string;
}

/** The `actually` of each generated defect text; the body key and request line ones end with the page's own words. */
const GENERATED = {
  lowerCaseKey: 'the REST layer matches the action key case-sensitively; the SDK sends ',
  synchronous: 'every non-GET API but login is asynchronous: 202 + location, the result comes from the job',
  everyFieldRequired: 'error is absent or null on success, and null fields are omitted',
  omitsNotNull: 'these are NOT NULL columns, so a real server always sends them',
  placeholder: 'the parameter is a list of objects',
  invalid: 'see the descriptor and schema',
};

/** A defect text the importer wrote itself (no one's words to keep), as opposed to one a person wrote. */
export function isGeneratedText(d: DocDefect): boolean {
  if (d.id === 'request-line-without-leading-slash')
    return /^(GET|POST|PUT|DELETE) \/\S+$/.test(d.actually) && d.says === d.actually.replace(' /', ' ');
  if (d.id === 'lower-case-body-key')
    return (
      d.actually.startsWith(GENERATED.lowerCaseKey) && !d.actually.slice(GENERATED.lowerCaseKey.length).includes(' ')
    );
  return Object.values(GENERATED).includes(d.actually);
}

function problemsOf(
  validate: (v: unknown) => boolean,
  errors: () => Array<{ instancePath: string; keyword: string; params: unknown }> | null | undefined,
  value: unknown,
): Array<Omit<KnownProblem, 'defect'>> {
  validate(value);
  return (errors() ?? []).map((e) => {
    const missing = (e.params as { missingProperty?: string }).missingProperty;
    return { path: e.instancePath || '/', ...(missing ? { missingProperty: missing } : { keyword: e.keyword }) };
  });
}

export function checkExamples(
  page: ParsedPage,
  api: ApiDescriptor,
  contracts: Contracts,
  overrideTexts: DocDefect[] = [],
): { fixture?: DocExampleFixture; defects: DocDefect[] } {
  const registry = new SchemaRegistry(contracts, '5.0.0');
  const findings: Finding[] = [];
  const found = (f: Finding) => {
    if (!findings.some((x) => x.id === f.id)) findings.push(f);
  };

  if (!page.pathAsWritten.startsWith('/')) {
    found({
      id: 'request-line-without-leading-slash',
      says: `${page.method} ${page.pathAsWritten}`,
      actually: `${page.method} /${page.pathAsWritten}`,
      source: `${ANCHOR}base-and-request-shape`,
    });
  }
  const pageKey = page.bodyKey;
  if (pageKey && api.bodyKey && pageKey !== api.bodyKey && pageKey.toLowerCase() === api.bodyKey.toLowerCase()) {
    found({
      id: 'lower-case-body-key',
      says: `body key ${pageKey}`,
      actually: `${GENERATED.lowerCaseKey}${api.bodyKey}`,
      source: `${ANCHOR}action-keys`,
    });
  }
  if (page.claimsSync && api.async) {
    found({
      id: 'marked-synchronous',
      says: 'synchronous',
      actually: GENERATED.synchronous,
      source: `${ANCHOR}sync-and-async-jobs`,
    });
  }
  if (page.reply.some((f) => f.name === 'error' && f.required) && page.format === 'explorer') {
    found({
      id: 'every-field-marked-required',
      says: 'error and every reply field required',
      actually: GENERATED.everyFieldRequired,
      source: `${ANCHOR}results-and-errorcode`,
    });
  }

  let fixture: DocExampleFixture | undefined;
  const req = page.requestExample;
  const res = page.responseExample;
  if (req || res) {
    const known: Record<string, KnownProblem[]> = {};
    const requestSchema = requestBodySchema(api);
    if (req && req.body !== undefined && requestSchema) {
      const v = registry.compileInline(requestSchema);
      const problems = problemsOf(v, () => v.errors, req.body);
      const keyDefect = findings.some((f) => f.id === 'lower-case-body-key')
        ? 'lower-case-body-key'
        : 'request-example-invalid';
      known['request'] = problems.map((p) => ({
        ...p,
        defect:
          p.path === '/' && (p.missingProperty === api.bodyKey || p.keyword === 'additionalProperties')
            ? keyDefect
            : 'request-example-invalid',
      }));
      if (pageKey && api.bodyKey && pageKey !== api.bodyKey && typeof req.body === 'object' && req.body !== null) {
        const fixed: Record<string, unknown> = {
          ...(req.body as Record<string, unknown>),
          [api.bodyKey]: (req.body as Record<string, unknown>)[pageKey],
        };
        delete fixed[pageKey];
        known['requestWithDocumentedKey'] = problemsOf(v, () => v.errors, fixed).map((p) => ({
          ...p,
          defect: placeholderDefect(p.path, api) ?? 'request-example-invalid',
        }));
      } else {
        for (const p of known['request']) p.defect = placeholderDefect(p.path, api) ?? p.defect;
      }
    }
    if (res && api.reply.schema) {
      const v = registry.validator(api.reply.schema);
      const body = res.body as Record<string, unknown>;
      const inv = api.reply.body === 'inventory' ? body?.['inventory'] : undefined;
      known['response'] =
        inv === undefined
          ? []
          : problemsOf(v, () => v.errors, inv).map((p) => ({
              ...p,
              defect: p.missingProperty ? 'response-example-omits-not-null-fields' : 'response-example-invalid',
            }));
    }
    for (const list of Object.values(known)) {
      for (const p of list) {
        if (p.defect === 'response-example-omits-not-null-fields') {
          const missing = [...new Set(list.filter((x) => x.defect === p.defect).map((x) => x.missingProperty))].join(
            ', ',
          );
          found({
            id: p.defect,
            says: `the response example has no ${missing}`,
            actually: GENERATED.omitsNotNull,
            source: `${ANCHOR}inventory-fields-always-present`,
          });
        } else if (p.defect.endsWith('-placeholder')) {
          found({
            id: p.defect,
            says: `a placeholder where ${p.defect.replace(/-placeholder$/, '')} holds structures`,
            actually: GENERATED.placeholder,
            source: `${ANCHOR}the-api-family`,
          });
        } else if (p.defect.endsWith('-invalid')) {
          found({
            id: p.defect,
            says: `the example does not match the contract at ${p.path} (${p.missingProperty ?? p.keyword})`,
            actually: GENERATED.invalid,
            source: `${ANCHOR}the-api-family`,
          });
        }
      }
    }
    const headers = req?.headers ?? {};
    fixture = {
      $comment: `Written by \`npm run import\` from the doc page ${basename(page.file)}: its request and response examples as the page gives them. knownProblems: every schema error they have, each tied to a doc defect of the descriptor; tests/self/doc-examples.spec.ts demands exactly these.`,
      api: api.name,
      request: {
        method: req?.method ?? page.method,
        path: req?.path ?? `/${page.pathAsWritten.replace(/^\//, '')}`,
        headers,
        ...(req?.body !== undefined ? { body: req.body } : {}),
      },
      ...(page.curlBody !== undefined ? { curlBody: page.curlBody } : {}),
      response: { status: res?.status ?? 200, body: res?.body ?? {} },
      knownProblems: known,
    };
  }

  // the override's texts first, in its order, for the defects this page shows; then those without a text
  const defects: DocDefect[] = [];
  for (const d of overrideTexts)
    if (findings.some((f) => f.id === d.id))
      defects.push({ id: d.id, says: d.says, actually: d.actually, source: d.source });
  for (const f of findings) if (!defects.some((d) => d.id === f.id)) defects.push(f);
  return { ...(fixture ? { fixture } : {}), defects };
}

/** A list parameter whose example item has the wrong type: the page shows a placeholder (e.g. ["<flows>"]). */
function placeholderDefect(path: string, api: ApiDescriptor): string | undefined {
  const m = /^\/[^/]+\/(\w+)\/\d+$/.exec(path);
  return m && api.params[m[1]]?.type === 'list' ? `${m[1]}-placeholder` : undefined;
}
