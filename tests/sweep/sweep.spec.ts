// The read-only query sweep (src/sweep): every Query API of the whole surface (contracts/sdk/apis with the
// hand-written overlays), a few GETs each, judged by the query checks. An API the target does not serve is skipped
// as `not-served`, or fails when ZSTACK_PROFILE_AREAS declares its area; rules without rows to judge are annotated
// `not-applicable` with the reason.
import { loadContracts } from '../../contracts/index.ts';
import { test } from '../../fixtures/test.ts';
import { sweepBody, sweepDetails } from '../../fixtures/sweep-test.ts';
import { sweptQueries } from '../../src/sweep/sweep.ts';

// read-only and independent of each other: they spread over the workers
test.describe.configure({ mode: 'parallel' });

for (const api of sweptQueries(loadContracts().surface))
  test(`sweep ${api.name}`, sweepDetails(api), sweepBody(api.name));
