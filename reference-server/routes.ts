// URL routing built from the descriptors: every hand-written API's path and every generic query's (the surface's
// other Query APIs, generic-queries.ts), and a query's pathWithUuid, under /zstack.
// Unknown path -> 404 `no api mapping to <path>`; a known path with another method: see wrongMethodRefusal in
// handler.ts.
import type { ApiDescriptor, Contracts } from '../contracts/index.ts';
import { genericQueries } from './generic-queries.ts';

interface RouteEntry {
  method: string;
  segments: string[];
  api: ApiDescriptor;
  withUuid: boolean;
}

export type RouteMatch =
  | { kind: 'none' }
  /** `shared`: more than one API lives on the path (RestServer.handleNonUniqueApi then picks one by method) */
  | { kind: 'method'; allowed: string[]; shared: boolean }
  | { kind: 'ok'; apis: ApiDescriptor[]; pathParams: Record<string, string>; withUuid: boolean };

const splitPath = (p: string): string[] => p.split('/').filter((s, i) => i > 0 || s !== '');
/** A template's segments; a trailing slash (`/v1/vpc/hagroups/networkserviceref/`) is dropped as requests' are. */
const templateSegments = (p: string): string[] => splitPath(p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

export class Routes {
  /** by number of segments: a path is only compared with templates of its length */
  private readonly entries = new Map<number, RouteEntry[]>();

  constructor(contracts: Contracts) {
    for (const api of [...contracts.apis.values(), ...genericQueries(contracts)]) {
      this.add({ method: api.method, segments: templateSegments('/zstack' + api.path), api, withUuid: false });
      if (api.pathWithUuid)
        this.add({ method: api.method, segments: templateSegments('/zstack' + api.pathWithUuid), api, withUuid: true });
    }
  }

  private add(entry: RouteEntry): void {
    const same = this.entries.get(entry.segments.length);
    if (same) same.push(entry);
    else this.entries.set(entry.segments.length, [entry]);
  }

  match(method: string, pathname: string): RouteMatch {
    const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    const segs = splitPath(trimmed);
    const hits: { entry: RouteEntry; params: Record<string, string>; literals: number }[] = [];
    for (const entry of this.entries.get(segs.length) ?? []) {
      const params = matchSegments(entry.segments, segs);
      if (params) hits.push({ entry, params, literals: entry.segments.filter((s) => !s.startsWith('{')).length });
    }
    if (hits.length === 0) return { kind: 'none' };
    // a literal segment beats a template one (e.g. /accounts/login vs a {uuid})
    const best = Math.max(...hits.map((h) => h.literals));
    const top = hits.filter((h) => h.literals === best);
    const same = top.filter((h) => h.entry.method === method);
    if (same.length === 0)
      return {
        kind: 'method',
        allowed: [...new Set(top.map((h) => h.entry.method))],
        shared: new Set(top.map((h) => h.entry.api.name)).size > 1,
      };
    return {
      kind: 'ok',
      apis: same.map((h) => h.entry.api),
      pathParams: same[0].params,
      withUuid: same[0].entry.withUuid,
    };
  }
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    const a = actual[i];
    if (t.startsWith('{') && t.endsWith('}')) {
      if (a === '') return undefined;
      params[t.slice(1, -1)] = safeDecode(a);
    } else if (t !== a) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
