// Which APIs and resources the properties cover, derived from the descriptors: every resource that can be
// created, queried by uuid and deleted, with its state-event and update actions.
import { apisOf, type ApiDescriptor, type Contracts } from '../../contracts/index.ts';

export interface ResourceProfile {
  resource: string;
  /** short label for steps: org, coll, ... */
  short: string;
  create: ApiDescriptor;
  query: ApiDescriptor;
  delete: ApiDescriptor;
  stateEvent?: ApiDescriptor;
  update?: ApiDescriptor;
}

const shortOf = (resource: string): string => {
  const words = resource.replace(/^IAM2/, '').match(/[A-Z][a-z]*/g) ?? [resource];
  return (words[words.length - 1] ?? resource).slice(0, 4).toLowerCase();
};

export function resourceProfiles(contracts: Contracts): ResourceProfile[] {
  const out: ResourceProfile[] = [];
  const resources = [...new Set([...contracts.apis.values()].map((a) => a.resource))].sort();
  for (const resource of resources) {
    const apis = apisOf(contracts, resource);
    const one = (f: (a: ApiDescriptor) => boolean) => {
      const found = apis.filter(f);
      return found.length === 1 ? found[0] : undefined;
    };
    const create = one((a) => a.kind === 'create');
    const query = one((a) => a.kind === 'query' && a.pathWithUuid !== undefined);
    const del = one((a) => a.kind === 'delete' && !a.effect?.softDelete);
    const stateEvent = one((a) => a.kind === 'action' && a.effect?.kind === 'stateEvent');
    const update = one((a) => a.kind === 'action' && a.effect?.kind === 'update');
    if (!create || !query || !del || (!stateEvent && !update)) continue;
    out.push({
      resource,
      short: shortOf(resource),
      create,
      query,
      delete: del,
      ...(stateEvent ? { stateEvent } : {}),
      ...(update ? { update } : {}),
    });
  }
  return out;
}

/** The actions whose input the negative-data properties vary: state events and updates. */
export function actionApis(profiles: ResourceProfile[]): ApiDescriptor[] {
  return profiles.flatMap((p) => [p.stateEvent, p.update].filter((a): a is ApiDescriptor => a !== undefined));
}

export function profileOf(profiles: ResourceProfile[], api: ApiDescriptor): ResourceProfile {
  const p = profiles.find((x) => x.resource === api.resource);
  if (!p) throw new Error(`properties: no profile for ${api.resource}`);
  return p;
}
