// What a target of a declared ZStack version offers: the APIs and parameters that exist at that version
// (descriptor `since`). Everything the suite derives (scenarios, properties, pacts, fixtures) works on this view,
// so a target that declares an older version is never asked for a newer API or parameter. Inventory fields
// newer than the version are handled by the schemas (x-required-since, see schemas.ts).
import { sinceOf, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';
import { versionAtLeast } from './schemas.ts';

export const apiAvailable = (api: ApiDescriptor, version: string): boolean => versionAtLeast(version, sinceOf(api));

/** The newest of some versions (MAJOR.MINOR.PATCH). */
export const newestVersion = (versions: readonly string[]): string =>
  versions.reduce((a, b) => (versionAtLeast(a, b) ? a : b), '0.0.0');

/** The contracts as a target of `version` has them: newer APIs and newer parameters left out. */
export function contractsForVersion(contracts: Contracts, version: string): Contracts {
  const apis = new Map<string, ApiDescriptor>();
  for (const [name, api] of contracts.apis) {
    if (!apiAvailable(api, version)) continue;
    const params = Object.fromEntries(
      Object.entries(api.params).filter(([, p]) => p.since === undefined || versionAtLeast(version, p.since)),
    );
    apis.set(name, { ...api, params });
  }
  // the whole surface (the query sweep) is judged as deep as its descriptors go: whole APIs in or out
  const surface = new Map([...contracts.surface].filter(([, api]) => apiAvailable(api, version)));
  return { ...contracts, apis, surface };
}

/** The version a group of APIs needs: the newest `since` among them (an unknown name is a contract error). */
export function sinceOfApis(contracts: Contracts, names: readonly string[]): string {
  return newestVersion(
    names.map((n) => {
      const api = contracts.apis.get(n);
      if (!api) throw new Error(`contracts: no API named ${n}`);
      return sinceOf(api);
    }),
  );
}
