// Runs before every project that talks to the target: the endpoint answers and the account can log in.
// When it cannot, the dependent projects are skipped and this one failure says why, in one readable line.
import { test } from '@playwright/test';
import { loadConfig } from '../../src/config.ts';
import { openSuite } from '../../src/suite.ts';

test('the target is reachable and the account can log in', async () => {
  const config = loadConfig();
  let suite;
  try {
    suite = await openSuite(config);
  } catch (e) {
    const err = new Error(
      `target ${config.baseUrl ?? '(embedded)'} not usable: ${e instanceof Error ? e.message : String(e)}`,
    );
    err.stack = err.message; // the reason matters here, not the suite's call stack
    throw err;
  }
  await suite.close();
});
