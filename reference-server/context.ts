// Everything one server instance owns; faults (as hooks), variant, clock and uuids are per instance, never global.
import type { Contracts } from '../contracts/index.ts';
import type { GeneratedTables } from './generic-queries.ts';
import type { Hooks } from './hooks.ts';
import type { Jobs } from './jobs.ts';
import type { Routes } from './routes.ts';
import type { Sessions } from './sessions.ts';
import type { Store } from './store.ts';
import type { Variant } from './variant.ts';

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
  /** the rows of the generic queries (the surface's Query APIs outside the hand-written family) */
  generated: GeneratedTables;
  routes: Routes;
  /** the honest behaviour's hook points, with the installed faults chained in (see hooks.ts) */
  hooks: Hooks;
  /** epoch ms */
  now(): number;
  /** now truncated to whole seconds (the database's resolution) */
  nowSeconds(): number;
  newUuid(): string;
  /** counters a test may read (ReferenceServer.stats) */
  stats: ServerStats;
}

export interface ServerStats {
  /** API calls past the session check that can change state (creates, actions, deletes), whatever their outcome */
  writes: number;
}
