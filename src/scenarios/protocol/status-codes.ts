import { apisOf, findApi } from '../../../contracts/index.ts';
import type { Scenario } from '../scenario.ts';
import { observeRaw, rawRequest } from '../../observe/raw.ts';

/*
  Testname: Status codes of the REST layer
*/
export const statusCodesScenario: Scenario = {
  id: 'status-codes',
  title: 'An unknown API path answers 404 and a known path with a wrong method is refused at once',
  apis: ['QueryIAM2Organization', 'CreateIAM2Organization', 'ChangeIAM2OrganizationState', 'DeleteIAM2Organization'],
  since: '2.4.0',
  description:
    'GET and POST of a path no API is mapped to MUST answer 404 at once; DELETE of the organizations collection, PUT of one organization and POST of its actions path (methods none of their APIs take) MUST be refused at once: 405, or what ZStack answers (500, 400, 500).',
  async run(ctx) {
    const query = findApi(ctx.zs.contracts, 'IAM2Organization', 'query');
    const org = await ctx.kit.organization();
    const uuid = String(org['uuid']);
    for (const method of ['GET', 'POST']) {
      await observeRaw(
        ctx,
        query,
        rawRequest(
          ctx.zs,
          method,
          '/zstack/v1/iam2/zc-no-such-api',
          method === 'POST' ? { body: '{"params": {}}' } : {},
        ),
        { kind: 'unknown-path' },
      );
    }
    // Each path with a method none of the documented APIs on it takes.
    const apis = apisOf(ctx.zs.contracts, 'IAM2Organization');
    const probes: Array<[string, string]> = [
      ['DELETE', query.path],
      ['PUT', query.pathWithUuid ?? `${query.path}/{uuid}`],
      ['POST', apis.find((a) => a.kind === 'action')?.path ?? `${query.path}/{uuid}/actions`],
    ];
    for (const [method, template] of probes) {
      if (apis.some((a) => a.method === method && (a.path === template || a.pathWithUuid === template))) continue;
      const path = '/zstack' + template.replace(/\{[^}]+\}/, uuid);
      await observeRaw(ctx, query, rawRequest(ctx.zs, method, path, method === 'DELETE' ? {} : { body: '{}' }), {
        kind: 'wrong-method',
      });
    }
  },
};
