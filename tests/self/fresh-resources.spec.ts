// Resources the suite makes for itself (a property case's fresh resource, the derived tests' and provider
// states' fresh one, a flow collection's approver) take every parameter their create's descriptor requires:
// made on the reference server, which refuses a create without one (SYS.1007), each of them is accepted.
import { expect, test } from '@playwright/test';
import { CaseRecord, PropertyEnv } from '../../src/properties/core.ts';
import { freshResource } from '../../src/resources/fresh.ts';
import { ResourceKit } from '../../src/resources/resource-kit.ts';
import { withReferenceTarget } from '../../fixtures/reference-target.ts';

test('every resource with a create API is made with its required parameters by the property cases, the derived inputs and the approver fixture', async () => {
  await withReferenceTarget(
    { password: 'fresh-self-test' },
    { ZSTACK_PASSWORD: 'fresh-self-test', ZSTACK_RUN_ID: 'fresh' },
    async (suite) => {
      const resources = [
        ...new Set([...suite.contracts.apis.values()].filter((a) => a.kind === 'create').map((a) => a.resource)),
      ].sort();
      expect(resources).toContain('IAM2VirtualID');
      const env = new PropertyEnv(suite);
      await env.ensureFixtures(resources);
      const rec = new CaseRecord(env);
      const kit = new ResourceKit(suite.zs);
      try {
        for (const resource of resources) {
          expect(typeof (await rec.fresh(resource))['uuid'], `property case: ${resource}`).toBe('string');
          expect(typeof (await freshResource({ zs: suite.zs, kit }, resource))['uuid'], `derived: ${resource}`).toBe(
            'string',
          );
        }
      } finally {
        expect(await rec.cleanup()).toEqual([]);
        expect(await kit.cleanup()).toEqual([]);
        expect(await env.kit.cleanup()).toEqual([]);
      }
    },
  );
});
