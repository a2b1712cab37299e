// The embedded reference server: a ZStack-compatible REST endpoint (node:http, in-memory state) driven by
// the contracts. Faults (faults/), variant, clock and uuids are per instance; several instances may run in one process.
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadContracts } from '../contracts/index.ts';
import type { ServerContext, ServerStats } from './context.ts';
import { installFaults, type FaultName } from './faults/index.ts';
import { GeneratedTables } from './generic-queries.ts';
import { handleRequest } from './handler.ts';
import { HONEST_HOOKS } from './hooks.ts';
import { Jobs } from './jobs.ts';
import { Routes } from './routes.ts';
import { seedOrganizations } from './seed.ts';
import { Sessions } from './sessions.ts';
import { newUuid, seededUuids, Store } from './store.ts';
import { toSeconds } from './timestamps.ts';
import { DEFAULT_VARIANT, type Variant } from './variant.ts';

export interface ReferenceServerOptions {
  host?: string;
  port?: number;
  faults?: FaultName[];
  variant?: Partial<Variant>;
  accountName?: string;
  /** plain text; login compares the SHA-512 hex of it */
  password?: string;
  /** the server's clock (epoch ms); default Date.now. With uuidSeed, makes two runs byte-for-byte comparable. */
  clock?: () => number;
  /** generate uuids from this seed instead of at random (reproducible runs) */
  uuidSeed?: number;
  /** another contracts directory (self-tests of imported APIs); default contracts/ */
  contractsDir?: string;
  /** organizations stored at start (reference-server/seed.ts) */
  seedOrganizations?: number;
  /** a file to which every issued session id is appended, one a line (ZSTACK_REF_SESSION_LOG) */
  sessionLog?: string;
}

export interface ReferenceServer {
  /** e.g. http://127.0.0.1:34567, no trailing slash */
  url: string;
  /** what a test may count: calls that could change state */
  stats(): ServerStats;
  /** every stored resource, soft-deleted ones included (a project stays until expunged) */
  resources(): Array<{ resource: string; uuid: string; name: string; softDeleted: boolean }>;
  close(): Promise<void>;
}

export function createContext(opts: ReferenceServerOptions = {}): ServerContext {
  const contracts = loadContracts(opts.contractsDir);
  const variant: Variant = { ...DEFAULT_VARIANT };
  for (const [k, v] of Object.entries(opts.variant ?? {}))
    if (v !== undefined) (variant as unknown as Record<string, unknown>)[k] = v;
  const clock = opts.clock ?? Date.now;
  const uuids = opts.uuidSeed === undefined ? newUuid : seededUuids(opts.uuidSeed);
  const ctx: ServerContext = {
    contracts,
    variant,
    account: {
      name: opts.accountName ?? 'admin',
      uuid: uuids(),
      passwordSha512: createHash('sha512')
        .update(opts.password ?? 'password', 'utf8')
        .digest('hex'),
    },
    sessions: new Sessions(
      clock,
      uuids,
      opts.sessionLog ? (uuid) => appendFileSync(opts.sessionLog as string, `${uuid}\n`) : undefined,
    ),
    jobs: new Jobs(),
    store: new Store(),
    generated: new GeneratedTables(contracts),
    routes: new Routes(contracts),
    hooks: HONEST_HOOKS,
    now: clock,
    nowSeconds: () => toSeconds(clock()),
    newUuid: uuids,
    stats: { writes: 0 },
  };
  ctx.hooks = installFaults(ctx, opts.faults ?? []);
  return ctx;
}

export async function startReferenceServer(opts: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const ctx = createContext(opts);
  seedOrganizations(ctx, opts.seedOrganizations ?? 0);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void handleRequest(ctx, req, res);
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    stats: () => ({ ...ctx.stats }),
    resources: () => ctx.store.names().map((r) => ({ ...r })),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
