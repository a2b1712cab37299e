// The API reference pages' own request and response examples against the contracts. Each example must fail
// exactly where a recorded doc defect says it does, and nowhere else (docs/contracts.md,
// docs/zstack-protocol.md#doc-defects).
import { readdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { contracts, docExample, schemas } from '../../fixtures/exchanges.ts';
import { requestBodySchema } from '../../src/contract-model/request-schema.ts';

const problemKey = (p: { path: string; missingProperty?: string; keyword?: string }) =>
  `${p.path} ${p.missingProperty ?? p.keyword}`;

// every doc page imported so far (npm run import writes fixtures/doc-examples/<Api>.json)
const IMPORTED = readdirSync(new URL('../../fixtures/doc-examples/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

test("the two seed pages' examples are among the imported ones", () => {
  expect(IMPORTED).toEqual(expect.arrayContaining(['ChangeIAM2OrganizationState', 'UpdateIAM2TicketFlowCollection']));
});

for (const api of IMPORTED) {
  test.describe(`${api} doc page examples`, () => {
    const example = docExample(api);
    const descriptor = contracts.apis.get(api);
    if (!descriptor) throw new Error(api);
    const defects = new Set((descriptor.docDefects ?? []).map((d) => d.id));

    test('every known problem names a doc defect recorded in the descriptor', () => {
      for (const list of Object.values(example.knownProblems))
        for (const p of list) expect(defects, p.defect).toContain(p.defect);
    });

    test('the response example matches the inventory schema but for the recorded omissions', () => {
      const found = schemas.validate(
        descriptor.reply.schema as string,
        (example.response.body as { inventory: unknown }).inventory,
      );
      expect(found.map(problemKey).sort()).toEqual(example.knownProblems['response'].map(problemKey).sort());
    });

    test('the request example matches the request schema derived from the descriptor but for the recorded defects', () => {
      const validate = schemas.compileInline(requestBodySchema(descriptor)!);
      validate(example.request.body);
      const found = (validate.errors ?? []).map((e) => ({
        path: e.instancePath || '/',
        keyword: e.keyword,
        missingProperty: (e.params as { missingProperty?: string }).missingProperty,
      }));
      expect(found.map(problemKey).sort()).toEqual(example.knownProblems['request'].map(problemKey).sort());
    });

    test('the request path matches the descriptor route', () => {
      const template = '^/zstack' + descriptor.path.replace(/\{\w+\}/g, '[^/]+') + '$';
      expect(example.request.path).toMatch(new RegExp(template));
      expect(example.request.method).toBe(descriptor.method);
    });
  });
}

test('the UpdateIAM2TicketFlowCollection example with the documented camel-case key fails only on the flows placeholder', () => {
  const example = docExample('UpdateIAM2TicketFlowCollection');
  const descriptor = contracts.apis.get('UpdateIAM2TicketFlowCollection');
  const body = example.request.body as Record<string, unknown>;
  const fixed: Record<string, unknown> = {
    ...body,
    updateIAM2TicketFlowCollection: body['updateiam2ticketflowcollection'],
  };
  delete fixed['updateiam2ticketflowcollection'];
  const validate = schemas.compileInline(requestBodySchema(descriptor!)!);
  validate(fixed);
  const found = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
  expect(found).toEqual(example.knownProblems['requestWithDocumentedKey'].map((p) => `${p.path} ${p.keyword}`));
});
