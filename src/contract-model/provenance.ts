// Ties the contracts to the official SDK (contracts/sdk/apis/, the descriptors npm run import:sdk generates from
// its *Action.java files): every hand-written descriptor, merged over its SDK facts, must declare what the SDK's
// @Param declares and nothing else, and every refusal the suite demands (src/contract-model/rejection-rules.ts)
// must rest on an API-level source. Each finding is one line naming the API and the parameter. docs/musts.md lists
// the sources this checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS_DIR, type ApiDescriptor, type Contracts, type ParamSpec } from '../../contracts/index.ts';
import { rejectionRules, type RejectionRule } from './rejection-rules.ts';

/** The SDK's facts of the hand-written APIs: their generated descriptors as written, and where they come from. */
export interface SdkFacts {
  sdk: { repository: string; path: string; commit: string | null };
  /** API name -> its generated descriptor (contracts/sdk/apis/<name>.json), for the APIs of contracts/apis/ */
  actions: Record<string, ApiDescriptor>;
}

/** The generated descriptors of the APIs contracts/apis/ holds (as generated, not merged), and the SDK's commit. */
export function loadSdkFacts(dir = CONTRACTS_DIR): SdkFacts {
  const read = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
  const source = read(join(dir, 'sdk', 'source.json')) as SdkFacts['sdk'];
  // the overlay files' names are the API names (contracts/apis/<name>.json)
  const names = readdirSync(join(dir, 'apis'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  const actions: Record<string, ApiDescriptor> = {};
  for (const name of names) {
    const file = join(dir, 'sdk', 'apis', `${name}.json`);
    if (existsSync(file)) actions[name] = read(file) as ApiDescriptor;
  }
  return { sdk: { repository: source.repository, path: source.path, commit: source.commit }, actions };
}

/** Parameters every SDK action carries for the client itself: the session, access keys, the caller's address, tags. */
const CLIENT_PARAMS = new Set(['systemTags', 'userTags', 'sessionId', 'accessKeyId', 'accessKeySecret', 'requestIp']);

/** The descriptor types a parameter may have where the SDK's has this one (a uuid refines a string). */
const descriptorTypesFor = (sdkType: ParamSpec['type']): ReadonlyArray<ParamSpec['type']> =>
  sdkType === 'string' ? ['string', 'uuid'] : [sdkType];

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

const MISSING_FACTS =
  'no generated descriptor contracts/sdk/apis/<name>.json: run `npm run import:sdk -- <zstackio/zstack checkout>` and commit it';

/** Where a descriptor and the SDK's action class disagree: route, parameters, their types and validators. */
export function sdkDisagreements(contracts: Contracts, facts: SdkFacts): string[] {
  const out: string[] = [];
  for (const api of contracts.apis.values()) {
    const sdk = facts.actions[api.name];
    if (!sdk) {
      out.push(`${api.name}: ${MISSING_FACTS.replace('<name>', api.name)}`);
      continue;
    }
    out.push(...routeDisagreements(api, sdk));
    const sdkClass = sdk.sdk?.class ?? `${api.name}Action`;
    for (const n of Object.keys(sdk.params).filter((x) => !CLIENT_PARAMS.has(x)))
      if (!(n in api.params))
        out.push(`${api.name}.${n}: declared by the SDK's ${sdkClass} (@Param), missing from the descriptor`);
    for (const [n, p] of Object.entries(api.params)) {
      const s = sdk.params[n];
      if (!s) out.push(`${api.name}.${n}: not a parameter of the SDK's ${sdkClass}`);
      else out.push(...paramDisagreements(api, n, p, s));
    }
  }
  return out;
}

const sendsNoSession = (a: ApiDescriptor): boolean => a.kind === 'login' || a.suppressCredentialCheck === true;

function routeDisagreements(api: ApiDescriptor, sdk: ApiDescriptor): string[] {
  const out: string[] = [];
  if (sdk.method !== api.method) out.push(`${api.name}: method ${api.method}, the SDK sends ${sdk.method}`);
  if (sdk.path !== api.path) out.push(`${api.name}: path ${api.path}, the SDK's is ${sdk.path}`);
  if (sdk.bodyKey !== api.bodyKey)
    out.push(`${api.name}: body key ${api.bodyKey ?? 'none'}, the SDK's is ${sdk.bodyKey ?? 'none'}`);
  if (sdk.async !== api.async) out.push(`${api.name}: async ${api.async}, the SDK's needPoll is ${sdk.async}`);
  if (sendsNoSession(sdk) !== sendsNoSession(api))
    out.push(
      `${api.name}: the SDK's needSession is ${!sendsNoSession(sdk)}, the descriptor ${sendsNoSession(api) ? 'sends no session' : 'sends one'}`,
    );
  return out;
}

function paramDisagreements(api: ApiDescriptor, n: string, p: ParamSpec, s: ParamSpec): string[] {
  const out: string[] = [];
  const where = `${api.name}.${n}`;
  if (!descriptorTypesFor(s.type).includes(p.type)) out.push(`${where}: type ${p.type}, but the SDK's is ${s.type}`);
  // a path parameter is part of the URL, so it is always sent whatever the annotation says
  if (p.in !== 'path' && !p.provenance?.required && (s.required === true) !== (p.required === true)) {
    out.push(`${where}: required ${p.required === true}, the SDK's @Param says required = ${s.required === true}`);
  }
  if (!p.provenance?.enum) {
    if (s.enum && !p.enum) out.push(`${where}: the SDK allows only ${s.enum.join(', ')}, the descriptor any value`);
    if (p.enum && !s.enum)
      out.push(`${where}: allowed values ${p.enum.join(', ')}, but the SDK's @Param declares none`);
    if (p.enum && s.enum && !sameSet(p.enum, s.enum))
      out.push(`${where}: allowed values ${p.enum.join(', ')}, the SDK's are ${s.enum.join(', ')}`);
  }
  if (!p.provenance?.maxLength && p.maxLength !== s.maxLength) {
    out.push(`${where}: maxLength ${p.maxLength ?? 'none'}, the SDK's @Param says ${s.maxLength ?? 'none'}`);
  }
  if (p.minItems !== undefined && !p.provenance?.minItems)
    out.push(`${where}: minItems ${p.minItems} has no source (the SDK declares no minimum): give provenance.minItems`);
  return out;
}

/** A source text that names server code and the docs section that describes it. */
const namesServerCode = (text: string | undefined): boolean =>
  text !== undefined && /\.java\b/.test(text) && /docs\/zstack-protocol\.md#[a-z0-9-]+/.test(text);

/** The refusals the suite demands whose source is neither the SDK's @Param nor server code the descriptor names. */
export function unsourcedRejections(contracts: Contracts, facts: SdkFacts): string[] {
  const out: string[] = [];
  for (const api of contracts.apis.values()) {
    const sdk = facts.actions[api.name];
    for (const r of rejectionRules(contracts, api)) {
      const why = unsourced(api, r, sdk?.params[r.param]);
      if (why) out.push(`${api.name}.${r.param}: the suite demands a refusal (${r.kind}) that ${why}`);
    }
  }
  return out;
}

function unsourced(api: ApiDescriptor, r: RejectionRule, s: ParamSpec | undefined): string | undefined {
  const p = api.params[r.param];
  const provenance = p.provenance ?? {};
  if (!s) return "names a parameter the SDK's action does not declare";
  const types = descriptorTypesFor(s.type);
  switch (r.kind) {
    case 'required':
      return s.required === true || namesServerCode(provenance.required)
        ? undefined
        : 'the SDK does not mark required and no server code is named';
    case 'enum':
      return (s.enum && sameSet(s.enum, r.values)) || namesServerCode(provenance.enum)
        ? undefined
        : 'rests on allowed values the SDK does not declare';
    case 'maxLength':
      return s.maxLength === r.max || namesServerCode(provenance.maxLength)
        ? undefined
        : `rests on a maxLength of ${r.max} the SDK does not declare`;
    case 'boolean':
      return types.includes('boolean')
        ? undefined
        : 'the SDK does not type as a Boolean (TypeVerifier checks only Boolean and integer fields)';
    case 'list-shape':
      return types.includes('list') ? undefined : 'the SDK does not type as a List';
    case 'string-shape':
      return types.includes('string') ? undefined : 'the SDK does not type as a String';
    case 'item-required':
      return namesServerCode(provenance.items) ? undefined : 'no server code is named for (provenance.items)';
    case 'references':
      // a path uuid: PortApiValidator (docs/zstack-protocol.md#unknown-resources-and-repeated-deletes)
      return p.in === 'path' || namesServerCode(provenance.references)
        ? undefined
        : 'no server code is named for (provenance.references)';
  }
}
