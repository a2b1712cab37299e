// Ties the contracts to the official SDK (contracts/sdk/actions.json, generated from its *Action.java files by
// npm run sdk:facts): every descriptor must declare what the SDK's @Param declares and nothing else, and every
// refusal the suite demands (src/contract-model/rejection-rules.ts) must rest on an API-level source. Each finding is
// one line naming the API and the parameter. docs/musts.md lists the sources this checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS_DIR, type ApiDescriptor, type Contracts, type ParamSpec } from '../../contracts/index.ts';
import { rejectionRules, type RejectionRule } from './rejection-rules.ts';

/** One @Param of an SDK action, as the fact index records it (only what the annotation writes). */
export interface SdkParam {
  javaType: string;
  required?: boolean;
  validValues?: string[];
  maxLength?: number;
  minLength?: number;
  numberRange?: number[];
}

export interface SdkAction {
  class: string;
  file: string;
  rest: { httpMethod: string; path: string; needSession: boolean; needPoll: boolean; parameterName?: string };
  params: Record<string, SdkParam>;
}

export interface SdkFacts {
  sdk: { repository: string; path: string; commit: string };
  actions: Record<string, SdkAction>;
}

export const SDK_FACTS_FILE = join(CONTRACTS_DIR, 'sdk', 'actions.json');

export function loadSdkFacts(file = SDK_FACTS_FILE): SdkFacts {
  return JSON.parse(readFileSync(file, 'utf8')) as SdkFacts;
}

/** Parameters every SDK action carries for the client itself: the session, access keys, the caller's address, tags. */
const CLIENT_PARAMS = new Set(['systemTags', 'userTags', 'sessionId', 'accessKeyId', 'accessKeySecret', 'requestIp']);

/** The descriptor type a Java field type must have (an SDK enum class is a string on the wire). */
function descriptorTypesFor(javaType: string): ReadonlyArray<ParamSpec['type']> {
  const t = javaType.replace(/<.*$/, '');
  if (/^(java\.lang\.)?String$/.test(t)) return ['string', 'uuid'];
  if (/^(boolean|(java\.lang\.)?Boolean)$/.test(t)) return ['boolean'];
  if (/^(int|long|short|(java\.lang\.)?(Integer|Long|Short))$/.test(t)) return ['integer'];
  if (/^(java\.util\.)?(List|Set|Collection)$/.test(t)) return ['list'];
  if (/^(java\.util\.)?(Map|LinkedHashMap|HashMap)$/.test(t)) return ['map'];
  if (/^org\.zstack\.sdk\./.test(t)) return ['string'];
  return [];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

const MISSING_FACTS =
  'no facts in contracts/sdk/actions.json: run `npm run sdk:facts -- <zstackio/zstack checkout> --commit <sha>` and commit the index';

/** Where a descriptor and the SDK's action class disagree: route, parameters, their types and validators. */
export function sdkDisagreements(contracts: Contracts, facts: SdkFacts): string[] {
  const out: string[] = [];
  for (const api of contracts.apis.values()) {
    const sdk = facts.actions[api.name];
    if (!sdk) {
      out.push(`${api.name}: ${MISSING_FACTS}`);
      continue;
    }
    out.push(...routeDisagreements(api, sdk));
    const sdkParams = Object.entries(sdk.params).filter(([n]) => !CLIENT_PARAMS.has(n));
    for (const [n] of sdkParams)
      if (!(n in api.params))
        out.push(`${api.name}.${n}: declared by the SDK's ${sdk.class} (@Param), missing from the descriptor`);
    for (const [n, p] of Object.entries(api.params)) {
      const s = sdk.params[n];
      if (!s) out.push(`${api.name}.${n}: not a parameter of the SDK's ${sdk.class}`);
      else out.push(...paramDisagreements(api, n, p, s));
    }
  }
  return out;
}

function routeDisagreements(api: ApiDescriptor, sdk: SdkAction): string[] {
  const out: string[] = [];
  const r = sdk.rest;
  if (r.httpMethod !== api.method) out.push(`${api.name}: method ${api.method}, the SDK sends ${r.httpMethod}`);
  if (`/v1${r.path}` !== api.path) out.push(`${api.name}: path ${api.path}, the SDK's is /v1${r.path}`);
  const key = r.parameterName ? r.parameterName : undefined;
  if (key !== api.bodyKey) out.push(`${api.name}: body key ${api.bodyKey ?? 'none'}, the SDK's is ${key ?? 'none'}`);
  if (r.needPoll !== api.async) out.push(`${api.name}: async ${api.async}, the SDK's needPoll is ${r.needPoll}`);
  const noSession = api.kind === 'login' || api.suppressCredentialCheck === true;
  if (r.needSession === noSession)
    out.push(
      `${api.name}: the SDK's needSession is ${r.needSession}, the descriptor ${noSession ? 'sends no session' : 'sends one'}`,
    );
  return out;
}

function paramDisagreements(api: ApiDescriptor, n: string, p: ParamSpec, s: SdkParam): string[] {
  const out: string[] = [];
  const where = `${api.name}.${n}`;
  const types = descriptorTypesFor(s.javaType);
  if (!types.includes(p.type)) out.push(`${where}: type ${p.type}, but the SDK's field is ${s.javaType}`);
  // a path parameter is part of the URL, so it is always sent whatever the annotation says
  if (p.in !== 'path' && !p.provenance?.required && (s.required === true) !== (p.required === true)) {
    out.push(`${where}: required ${p.required === true}, the SDK's @Param says required = ${s.required === true}`);
  }
  if (!p.provenance?.enum) {
    if (s.validValues && !p.enum)
      out.push(`${where}: the SDK allows only ${s.validValues.join(', ')}, the descriptor any value`);
    if (p.enum && !s.validValues)
      out.push(`${where}: allowed values ${p.enum.join(', ')}, but the SDK's @Param declares none`);
    if (p.enum && s.validValues && !sameSet(p.enum, s.validValues))
      out.push(`${where}: allowed values ${p.enum.join(', ')}, the SDK's are ${s.validValues.join(', ')}`);
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

function unsourced(api: ApiDescriptor, r: RejectionRule, s: SdkParam | undefined): string | undefined {
  const p = api.params[r.param];
  const provenance = p.provenance ?? {};
  if (!s) return "names a parameter the SDK's action does not declare";
  const types = descriptorTypesFor(s.javaType);
  switch (r.kind) {
    case 'required':
      return s.required === true || namesServerCode(provenance.required)
        ? undefined
        : 'the SDK does not mark required and no server code is named';
    case 'enum':
      return (s.validValues && sameSet(s.validValues, r.values)) || namesServerCode(provenance.enum)
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
