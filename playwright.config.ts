import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { ConfigError, loadConfig, loadEnvFile } from './src/config.ts';
import { configuredWorkers, runWorkers } from './src/run-workers.ts';

// A bad setting stops the run before any test, with one line naming the variable.
let config;
let workers;
try {
  loadEnvFile();
  workers = configuredWorkers(process.env);
  // The run's load bound (ZSTACK_MAX_IN_FLIGHT, ZSTACK_MAX_RPS) is shared among the workers; the workers
  // inherit the count from the main process, whose command line may override the configured one.
  process.env['ZSTACK_RUN_WORKERS'] ??= String(runWorkers(process.env, process.argv));
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(`zstack-conformance: configuration error: ${e.message}`);
  process.exit(2);
}

// The tests, setup and reference server are the package's (Playwright resolves them from this file's folder);
// reports/ is the user's, in the folder the run was started from (`zstack-conformance run` from anywhere).
const reports = (file: string): string => resolve('reports', file);
// On a terminal one progress line (tests done of total, failures printed as they happen); in CI or piped, one a test.
const consoleReporter = process.stdout.isTTY && !process.env['CI'] ? 'line' : 'list';

/** Self-tests that each start one or more whole nested runs (about 30-70 s each on two cores). */
const SELF_WHOLE_RUNS =
  /\/(secrets|read-only|certify-run|reply-breaker-run|interrupt-cleanup|pact-verify|cli|replay|package-install|diff)\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests',
  outputDir: reports('test-results'),
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers,
  timeout: 120_000,
  // SIGTERM handled like Ctrl-C; the teardown deletes what the run created and did not delete (docs/safety.md)
  globalSetup: './playwright/global-setup.ts',
  globalTeardown: './playwright/global-teardown.ts',
  reporter: [
    [consoleReporter],
    ['json', { outputFile: reports('results.json') }],
    ['junit', { outputFile: reports('junit.xml') }],
    ['html', { outputFolder: reports('html'), open: 'never' }],
    // the query sweep's not-served list and per-area counts (console and reports/sweep.json)
    ['./playwright/sweep-reporter.ts', { outputFile: reports('sweep.json') }],
  ],
  projects: [
    // The self-tests that start whole nested runs come first: Playwright starts a project's dependents only when
    // every project before them has ended, so a long run started last would hold the run up alone.
    { name: 'self-runs', testDir: 'tests/self', testMatch: SELF_WHOLE_RUNS },
    { name: 'self', testDir: 'tests/self', testIgnore: SELF_WHOLE_RUNS },
    { name: 'target', testDir: 'tests/setup', testMatch: /.*\.setup\.ts/ },
    { name: 'conformance', testDir: 'tests/conformance', dependencies: ['target'] },
    // tests derived from the descriptors alone (every API in contracts/apis)
    { name: 'derived', testDir: 'tests/derived', dependencies: ['target'] },
    { name: 'properties', testDir: 'tests/properties', dependencies: ['target'] },
    { name: 'protocol', testDir: 'tests/protocol', dependencies: ['target'] },
    // the read-only sweep of every Query API of the whole surface (contracts/sdk/apis)
    { name: 'sweep', testDir: 'tests/sweep', dependencies: ['target'] },
    // consumer pacts against the Pact mock (no target needed), then their verification against the target
    { name: 'pact-consumer', testDir: 'tests/pact', testMatch: /consumer\.spec\.ts$/ },
    {
      name: 'pact',
      testDir: 'tests/pact',
      testMatch: /provider\.spec\.ts$/,
      dependencies: ['pact-consumer', 'target'],
    },
  ],
  // The embedded reference server is the target when ZSTACK_BASE_URL is unset. It listens on a free port and
  // prints it; Playwright copies the named group into ZSTACK_REF_PORT before the workers start.
  webServer: config.embedded
    ? {
        command: 'node --import tsx reference-server/main.ts',
        wait: { stdout: /Listening on http:\/\/127\.0\.0\.1:(?<zstack_ref_port>\d+)/ },
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 30_000,
        reuseExistingServer: false,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
      }
    : undefined,
});
