// `npm run pact:states`: the provider-state service for any Pact verifier, pointing at the configured target
// (ZSTACK_BASE_URL, ZSTACK_ACCOUNT, ZSTACK_PASSWORD). It prints `Listening on http://127.0.0.1:N` and runs until
// stopped (Ctrl-C / SIGTERM), then deletes what the states created and logs out.
// The verifier's requests need a session of the target: with ZSTACK_SESSION set, the service uses that session
// (and leaves it open); otherwise it logs in and writes the session to ZSTACK_PACT_SESSION_FILE (default
// reports/pact-states/session, mode 600), never to the terminal. docs/certification.md shows the whole command.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { registerSecret } from '../src/reporting/redact.ts';
import { transportFor } from '../src/suite.ts';
import { ZStackClient } from '../src/client/zstack-client.ts';
import { loadValidatedContracts } from '../src/contract-model/descriptors.ts';
import { contractsForVersion } from '../src/contract-model/versions.ts';
import { ProviderStates } from '../src/pact/state-handlers.ts';
import { startStateService } from '../src/pact/state-service.ts';
import { commandLine } from './cli/args.ts';

commandLine({
  name: 'pact:states',
  summary: 'Serves provider states to any Pact verifier, against the configured target, until stopped.',
  options: {},
  details: [
    'Settings: ZSTACK_BASE_URL, ZSTACK_ACCOUNT, ZSTACK_PASSWORD; ZSTACK_SESSION (use it instead of logging in),',
    'ZSTACK_PACT_SESSION_FILE, ZSTACK_PACT_STATES_PORT. Prints `Listening on http://127.0.0.1:N` (docs/certification.md).',
  ],
  example: 'ZSTACK_BASE_URL=http://zstack.example:8080 ZSTACK_PASSWORD=... npm run pact:states',
});

function fail(message: string): never {
  console.error(`pact:states: ${message}`);
  process.exit(2);
}

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
if (!config.baseUrl)
  fail(
    'no target: set ZSTACK_BASE_URL (for the embedded server, start it with `npm run reference-server` and use the URL it prints)',
  );
const portText = process.env['ZSTACK_PACT_STATES_PORT']?.trim() || '0';
if (!/^\d+$/.test(portText) || Number(portText) > 65535)
  fail(`ZSTACK_PACT_STATES_PORT: expected a port number, got "${portText}"`);
const sessionFile = process.env['ZSTACK_PACT_SESSION_FILE']?.trim() || 'reports/pact-states/session';

const transport = transportFor(config);
const zs = new ZStackClient(transport, config, contractsForVersion(loadValidatedContracts(), config.targetVersion));
const given = process.env['ZSTACK_SESSION']?.trim();
try {
  if (given) {
    registerSecret(given);
    zs.session = given;
  } else {
    await zs.login();
    mkdirSync(dirname(sessionFile), { recursive: true });
    writeFileSync(sessionFile, `${zs.session}\n`, { mode: 0o600 });
    chmodSync(sessionFile, 0o600);
  }
} catch (e) {
  transport.close();
  fail(e instanceof Error ? e.message : String(e));
}

const service = await startStateService(new ProviderStates(zs), {
  port: Number(portText),
  log: (l) => console.log(`pact:states: ${l}`),
});
console.log(`Listening on ${service.url}`);
if (!given) console.log(`pact:states: session for the verifier's Authorization header in ${sessionFile}`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await service.close();
  if (!given) {
    await zs.logout().catch(() => undefined);
    rmSync(sessionFile, { force: true });
  }
  transport.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
