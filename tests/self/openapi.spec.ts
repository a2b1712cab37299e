// The OpenAPI 3.1 export (npm run openapi) lints clean with a maintained linter (@redocly/openapi-core, its
// recommended rules), names every API of the contracts, and the linter does catch a broken document.
import { expect, test } from '@playwright/test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { buildOpenApi } from '../../src/openapi/export.ts';

const contracts = loadValidatedContracts();

async function lint(doc: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);
}

test('the OpenAPI 3.1 export of the contracts lints clean with the recommended rules', async () => {
  const doc = buildOpenApi(contracts, '0.0.0');
  expect(doc['openapi']).toBe('3.1.0');
  expect(await lint(doc)).toEqual([]);
});

test('every API of the contracts is an operation of the export, with its request body and replies', () => {
  const doc = buildOpenApi(contracts, '0.0.0') as {
    paths: Record<
      string,
      Record<string, { 'x-zstack-apis': string[]; requestBody?: unknown; responses: Record<string, unknown> }>
    >;
  };
  const named = Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((op) => op['x-zstack-apis'] ?? []));
  expect(new Set(named)).toEqual(new Set(contracts.apis.keys()));
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
