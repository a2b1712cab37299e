// Everything one worker needs to talk to the target: configuration, validated contracts, compiled schemas
// and a logged-in client. Built the same way by the Playwright fixtures, the self-tests and the scripts.
// A suite opened for the run itself (`forRun`) also carries the run's guards: the ledger of what it creates,
// the breakers shared by its workers (jobs that never end, replies that never finish), and read-only mode.
import { readFileSync } from 'node:fs';
import type { Contracts } from '../contracts/index.ts';
import type { SuiteConfig } from './config.ts';
import { loadValidatedContracts } from './contract-model/descriptors.ts';
import { SchemaRegistry } from './contract-model/schemas.ts';
import { contractsForVersion } from './contract-model/versions.ts';
import { Transport } from './client/transport.ts';
import { ZStackClient } from './client/zstack-client.ts';
import { shareOf } from './client/load-limiter.ts';
import { CreateLedger } from './resources/ledger.ts';
import { JobBreaker } from './safety/job-breaker.ts';
import { ReplyBreaker } from './safety/reply-breaker.ts';
import { ReadOnlyGuard } from './safety/read-only.ts';
import { jobBoundMarkerPath, ledgerPath, runDir } from './safety/run-dir.ts';

export interface Suite {
  config: SuiteConfig;
  contracts: Contracts;
  schemas: SchemaRegistry;
  zs: ZStackClient;
  close(): Promise<void>;
}

export interface SuiteOptions {
  /** the run's own suite (fixtures, pact verification): ledger, breakers and read-only guard attached */
  forRun?: boolean;
  /** the contracts to use (default: contracts/, validated) */
  contracts?: Contracts;
}

/** The transport a configuration asks for: bounds, this process's share of the load bound, TLS trust. */
export function transportFor(config: SuiteConfig): Transport {
  return new Transport({
    timeoutMs: config.requestTimeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    limits: shareOf(config.load, config.workers),
    retryAfterMaxMs: config.retryAfterMaxMs,
    ...(config.caFile ? { ca: readFileSync(config.caFile, 'utf8') } : {}),
    ...(config.tlsInsecure ? { insecure: true } : {}),
  });
}

export async function openSuite(config: SuiteConfig, opts: SuiteOptions = {}): Promise<Suite> {
  // only what a target of the declared version offers: newer APIs and parameters are never sent or demanded
  const contracts = contractsForVersion(opts.contracts ?? loadValidatedContracts(), config.targetVersion);
  const schemas = new SchemaRegistry(contracts, config.targetVersion);
  const transport = transportFor(config);
  const zs = new ZStackClient(transport, config, contracts);
  if (opts.forRun) {
    // read-only and the breakers first: a refused create never reaches the ledger
    if (config.readOnly) zs.guards.push(new ReadOnlyGuard());
    zs.guards.push(
      new JobBreaker(jobBoundMarkerPath(config.runId)),
      new ReplyBreaker(runDir(config.runId)),
      new CreateLedger(ledgerPath(config.runId), !config.embedded),
    );
  }
  try {
    await zs.login();
  } catch (e) {
    transport.close();
    throw e;
  }
  return {
    config,
    contracts,
    schemas,
    zs,
    async close() {
      await zs.logout().catch(() => undefined);
      transport.close();
    },
  };
}
