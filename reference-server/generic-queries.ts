// The generic queries: every Query API of the SDK surface outside the hand-written family (contracts/apis/, whose
// resources the server models). They answer through the same query engine (query.ts) over generated rows
// (generated-rows.ts), made on the first request to each API and kept for the server's life: the server starts
// without generating anything, and a query answers the same rows every time (nothing writes to them).
import type { ApiDescriptor, Contracts } from '../contracts/index.ts';
import { generatedRows } from './generated-rows.ts';
import type { StoredResource } from './store.ts';

/** A query of the surface the server serves with generated rows (not one of the hand-written family). */
export function isGenericQuery(contracts: Contracts, api: ApiDescriptor): boolean {
  return api.kind === 'query' && !contracts.apis.has(api.name);
}

/** Every generic query, by name. */
export function genericQueries(contracts: Contracts): ApiDescriptor[] {
  return [...contracts.surface.values()].filter((api) => isGenericQuery(contracts, api));
}

/**
 * The inventory schema a generic query's rows follow: its reply's schema when the contracts hold it, else none
 * (rows known only by their uuid).
 */
export function genericSchemaName(contracts: Contracts, api: ApiDescriptor): string | undefined {
  const name = api.reply.schema;
  return name !== undefined && contracts.schemas.has(name) ? name : undefined;
}

/** The generated rows of each generic query of one server instance, made on first use. */
export class GeneratedTables {
  private readonly tables = new Map<string, StoredResource[]>();

  constructor(private readonly contracts: Contracts) {}

  rows(api: ApiDescriptor): StoredResource[] {
    let table = this.tables.get(api.name);
    if (!table) {
      table = generatedRows(this.contracts, api.name, genericSchemaName(this.contracts, api)).map((inv) => ({
        resource: api.resource,
        uuid: typeof inv.uuid === 'string' ? inv.uuid : '',
        inv,
        systemTags: [],
        userTags: [],
        meta: {},
      }));
      this.tables.set(api.name, table);
    }
    return table;
  }
}
