import { randomUUID } from 'node:crypto';
import { findApi } from '../../../contracts/index.ts';
import { newJobUuid } from '../../client/zstack-client.ts';
import type { Scenario } from '../scenario.ts';
import { JOB_PATH, jobPathOf, observeCreate, observeRaw, rawRequest } from '../../observe/raw.ts';

/*
  Testname: Async jobs and X-Job-UUID
*/
export const jobsScenario: Scenario = {
  id: 'jobs',
  title: 'An async call runs as the job X-Job-UUID names; bad job ids are refused; job addresses answer 404 and 405',
  apis: ['CreateIAM2Organization', 'QueryIAM2Organization', 'DeleteIAM2Organization'],
  since: '2.4.0',
  description:
    'a create MUST answer 202 + location under /zstack/v1/api-jobs/ ending with its X-Job-UUID, then 200 when polled; an X-Job-UUID of another length than 32 or repeating an existing job MUST get 400 at once and create nothing; GET of an unknown job address MUST answer 404; POST, PUT and DELETE on a job address MUST answer 405.',
  async run(ctx) {
    const create = findApi(ctx.zs.contracts, 'IAM2Organization', 'create');
    const params = () => ({ name: ctx.kit.name('job'), type: create.params['type']?.enum?.[0] });
    const jobId = newJobUuid();
    const accepted = await observeCreate(ctx, 'IAM2Organization', params(), { headers: { 'X-Job-UUID': jobId } });
    await observeCreate(ctx, 'IAM2Organization', params(), {
      headers: { 'X-Job-UUID': jobId },
      expect: { kind: 'bad-job-uuid', why: 'an X-Job-UUID repeating an existing job' },
    });
    await observeCreate(ctx, 'IAM2Organization', params(), {
      headers: { 'X-Job-UUID': randomUUID() },
      expect: { kind: 'bad-job-uuid', why: 'an X-Job-UUID with dashes (36 characters)' },
    });
    await observeCreate(ctx, 'IAM2Organization', params(), {
      headers: { 'X-Job-UUID': newJobUuid().slice(1) },
      expect: { kind: 'bad-job-uuid', why: 'an X-Job-UUID of 31 characters' },
    });
    await observeRaw(ctx, create, rawRequest(ctx.zs, 'GET', JOB_PATH + newJobUuid()), { kind: 'unknown-job' });
    const jobPath = jobPathOf(accepted);
    if (jobPath === undefined) return; // asyncAcceptedWithLocation reports the missing location
    for (const method of ['POST', 'PUT', 'DELETE']) {
      await observeRaw(ctx, create, rawRequest(ctx.zs, method, jobPath, method === 'DELETE' ? {} : { body: '{}' }), {
        kind: 'job-wrong-method',
      });
    }
  },
};
