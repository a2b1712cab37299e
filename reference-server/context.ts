// Everything one server instance owns; faults and variant are per instance, never global.
import type { Contracts } from '../contracts/index.ts';
import type { FaultName, Variant } from './faults.ts';
import type { Jobs } from './jobs.ts';
import type { Routes } from './routes.ts';
import type { Sessions } from './sessions.ts';
import type { Store } from './store.ts';

export interface Account {
  name: string;
  uuid: string;
  /** SHA-512 hex (lower case) of the password; the plain text is not kept */
  passwordSha512: string;
}

export interface ServerContext {
  contracts: Contracts;
  variant: Variant;
  account: Account;
  sessions: Sessions;
  jobs: Jobs;
  store: Store;
  routes: Routes;
  fault(name: FaultName): boolean;
}
