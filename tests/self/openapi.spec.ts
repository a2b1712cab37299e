// The OpenAPI 3.1 export (npm run openapi) lints clean with a maintained linter (@redocly/openapi-core, its
// recommended rules), names every API of the surface (every SDK action with the hand-written overlays) in exactly
// one operation per method and path, with unique operationIds, and the linter does catch a broken document.
import { expect, test } from '@playwright/test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { buildOpenApi } from '../../src/openapi/export.ts';

const contracts = loadValidatedContracts();

async function lint(doc: unknown): Promise<string[]> {
  const config = await createConfig({
    extends: ['recommended'],
    rules: {
      // every schema of the contracts is exported, also the inventory classes no reply names (nested rows)
      'no-unused-components': 'off',
      // ZStack's own URLs, kept as the SDK sends them: some end in a slash (/v1/cas/login/), and a literal
      // segment beside a placeholder (/groups/{uuid}/actions, /groups/activities/{uuid}) is how its REST layer routes
      'no-path-trailing-slash': 'off',
      'no-ambiguous-paths': 'off',
    },
  });
  const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);
}

test('the OpenAPI 3.1 export of the contracts lints clean with the recommended rules', async () => {
  const doc = buildOpenApi(contracts, '0.0.0');
  expect(doc['openapi']).toBe('3.1.0');
  expect(await lint(doc)).toEqual([]);
});

type Operation = {
  operationId: string;
  'x-zstack-apis'?: string[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

test('every API of the surface is an operation of the export, with its request body and replies', () => {
  const doc = buildOpenApi(contracts, '0.0.0') as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
  const ids = operations.map((op) => op.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  // one operation per method and URL the surface uses (an API with a by-uuid path has two; placeholder names do not
  // make another URL), plus the job poll
  const routes = new Set(
    [...contracts.surface.values()].flatMap((a) =>
      [a.path, a.pathWithUuid].filter((p) => p !== undefined).map((p) => `${a.method} ${p.replace(/\{\w+\}/g, '{}')}`),
    ),
  );
  expect(operations.length).toBe(routes.size + 1);
  const named = new Set(operations.flatMap((op) => op['x-zstack-apis'] ?? []));
  expect(named.size).toBe(contracts.surface.size);
  expect(named).toEqual(new Set(contracts.surface.keys()));
  const actions = doc.paths['/zstack/v1/iam2/organizations/{uuid}/actions']['put'];
  expect(actions['x-zstack-apis']).toContain('ChangeIAM2OrganizationState');
  expect(Object.keys(actions.responses).sort()).toEqual(['202', '400']);
  expect(JSON.stringify(actions.requestBody)).toContain('changeIAM2OrganizationState');
  const login = doc.paths['/zstack/v1/accounts/login']['put'];
  expect(Object.keys(login.responses).sort()).toEqual(['200', '400', '503']);
});

test('the linter reports a broken export (so a clean lint means something)', async () => {
  const doc = buildOpenApi(contracts, '0.0.0') as {
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    paths: Record<string, unknown>;
  };
  doc.components.schemas['IAM2OrganizationInventory'].properties['state'] = { type: 'strin' };
  delete doc.paths['/zstack/v1/api-jobs/{jobUuid}'];
  const problems = await lint(doc);
  expect(problems.some((p) => p.startsWith('error') && p.includes('IAM2OrganizationInventory/properties/state'))).toBe(
    true,
  );
});
