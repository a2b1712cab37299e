// Consumer pacts (project pact-consumer): one Playwright test per documented request/response, each the real
// ZStackClient against the Pact mock server. Writes reports/pacts/zstack-conformance-zstack.json (Pact v4).
// No target needed: the session and password in these requests are placeholders.
import { existsSync } from 'node:fs';
import { test } from '@playwright/test';
import { loadConfig } from '../../src/config.ts';
import { loadValidatedContracts } from '../../src/contract-model/descriptors.ts';
import { finishPact, openConsumer, runInteraction, type ConsumerSide } from '../../src/pact/consumer.ts';
import { buildInteractions } from '../../src/pact/interactions.ts';
import { PACT_DIR, PACT_FILE_TEST, pactFile, pactFileName } from '../../src/pact/names.ts';

// One pact file, merged interaction by interaction: the tests of this file run in order in one worker.
test.describe.configure({ mode: 'serial' });

const contracts = loadValidatedContracts();
const specs = buildInteractions(contracts, loadConfig().targetVersion);
let side: ConsumerSide;

test.beforeAll(async () => {
  side = await openConsumer(contracts, PACT_DIR);
});

test.afterAll(async () => {
  await side?.close();
  // the header pact-js adds to JSON responses is not part of the contract (real ZStack often sends none)
  if (existsSync(pactFile(PACT_DIR))) finishPact(PACT_DIR);
});

for (const spec of specs) {
  test(
    `pact: ${spec.description}`,
    {
      tag: ['@pact', `@api:${spec.api}`],
      annotation: [
        { type: 'api', description: spec.api },
        { type: 'states', description: spec.states.map((s) => s.name).join('; ') || '(none)' },
      ],
    },
    async () => {
      await runInteraction(side, spec);
    },
  );
}

test(PACT_FILE_TEST, { tag: ['@pact'] }, async () => {
  // finishPact runs in afterAll too; running it here lets this test check the finished file
  const n = finishPact(PACT_DIR);
  // attached so that a certification bundle carries the pact even when the run was sharded across machines
  await test.info().attach(pactFileName(), { path: pactFile(PACT_DIR), contentType: 'application/json' });
  test.info().annotations.push({ type: 'pact', description: `${pactFile(PACT_DIR)}: ${n} interactions` });
  if (n !== specs.length) throw new Error(`${pactFile(PACT_DIR)} holds ${n} interactions, expected ${specs.length}`);
});
