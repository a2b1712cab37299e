// npm run pact:publish — sends reports/pacts/*.json to a Pact Broker or PactFlow (src/pact/publish.ts).
// Settings: ZSTACK_BROKER_URL, ZSTACK_BROKER_TOKEN or ZSTACK_BROKER_USERNAME + ZSTACK_BROKER_PASSWORD,
// ZSTACK_PACT_CONSUMER_VERSION (default: git commit), ZSTACK_PACT_BRANCH (default: git branch),
// ZSTACK_PACT_TAGS, ZSTACK_PACT_BUILD_URL, ZSTACK_PACT_DIR, ZSTACK_BROKER_TIMEOUT_MS; environment > .env.
// Exit codes: 0 published, 1 the broker refused or could not be reached, 2 a configuration error.
import { config as loadDotenv } from 'dotenv';
import { redact } from '../src/reporting/redact.ts';
import { PublishConfigError, PublishError, publishPacts, readPublishConfig } from '../src/pact/publish.ts';
import { commandLine } from './cli/args.ts';

commandLine({
  name: 'pact:publish',
  summary: 'Sends reports/pacts/*.json to a Pact Broker or PactFlow.',
  options: {},
  details: [
    'Settings (environment, then .env): ZSTACK_BROKER_URL, ZSTACK_BROKER_TOKEN or ZSTACK_BROKER_USERNAME and',
    'ZSTACK_BROKER_PASSWORD, ZSTACK_PACT_CONSUMER_VERSION, ZSTACK_PACT_BRANCH, ZSTACK_PACT_TAGS, ... (docs/pact.md).',
    'Exit: 0 published, 1 the broker refused or could not be reached, 2 a configuration error.',
  ],
  example: 'ZSTACK_BROKER_URL=https://broker.example ZSTACK_BROKER_TOKEN=... npm run pact:publish',
});

loadDotenv({ quiet: true, path: process.env['ZSTACK_ENV_FILE'] ?? '.env' });

try {
  const cfg = readPublishConfig(process.env);
  const result = await publishPacts(cfg);
  const where = `${cfg.brokerUrl} (${result.endpoint === 'pacts' ? 'classic pacts API' : 'contracts/publish'})`;
  console.log(
    `pact:publish: published ${result.published.join(', ')} version ${cfg.consumerVersion}${cfg.branch ? ` branch ${cfg.branch}` : ''} to ${where}`,
  );
  for (const n of result.notices) console.log(`  broker: ${n}`);
} catch (e) {
  if (e instanceof PublishConfigError) {
    console.error(redact(`pact:publish: configuration error: ${e.message}`));
    process.exit(2);
  }
  if (e instanceof PublishError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(redact(`pact:publish: ${e instanceof Error ? e.message : String(e)}`));
  process.exit(1);
}
