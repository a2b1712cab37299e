// Everything one worker needs to talk to the target: configuration, validated contracts, compiled schemas
// and a logged-in client. Built the same way by the Playwright fixtures, the self-tests and the scripts.
import { request, type APIRequestContext } from '@playwright/test';
import type { Contracts } from '../contracts/index.ts';
import type { SuiteConfig } from './config.ts';
import { loadValidatedContracts } from './contracts/descriptors.ts';
import { SchemaRegistry } from './contracts/schemas.ts';
import { contractsForVersion } from './contracts/versions.ts';
import { Transport } from './client/transport.ts';
import { ZStackClient } from './client/zstack-client.ts';

export interface Suite {
  config: SuiteConfig;
  contracts: Contracts;
  schemas: SchemaRegistry;
  http: APIRequestContext;
  zs: ZStackClient;
  close(): Promise<void>;
}

export async function openSuite(config: SuiteConfig, all: Contracts = loadValidatedContracts()): Promise<Suite> {
  // only what a target of the declared version offers: newer APIs and parameters are never sent or demanded
  const contracts = contractsForVersion(all, config.targetVersion);
  const schemas = new SchemaRegistry(contracts, config.targetVersion);
  const http = await request.newContext({ ignoreHTTPSErrors: false });
  const transport = new Transport(http, { timeoutMs: config.requestTimeoutMs, maxResponseBytes: config.maxResponseBytes });
  const zs = new ZStackClient(transport, config, contracts);
  try {
    await zs.login();
  } catch (e) {
    await http.dispose();
    throw e;
  }
  return {
    config, contracts, schemas, http, zs,
    async close() {
      await zs.logout().catch(() => undefined);
      await http.dispose();
    },
  };
}
