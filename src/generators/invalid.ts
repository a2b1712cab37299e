// Invalid inputs derived from the contracts, each labelled with the way a real ZStack rejects it
// (docs/zstack-protocol.md#http-status-codes, docs/zstack-protocol.md#results-and-errorcode):
//
//   rest-layer  refused before any job, plain text: 400 for a PUT body without (or with a mis-cased) action
//               key and for a Boolean field whose value is not true/false; 400 or 500 (Gson's error on real
//               ZStack) for a List or String field given the wrong JSON shape and for a body that is not a JSON
//               object. A number for a String field is NOT invalid (stored as "5.0"), so it is never generated.
//   api         accepted (202), the job fails 503 with an ErrorCode: SYS.1007 for a value outside the allowed
//               ones, an over-long (trimmed) string, a missing required field or a list item without a required
//               member; SYS.1003 for a well-formed uuid naming nothing.
//   session     an unknown session: ID.1001 through the job.
//
// Only rejections ZStack documents are generated: no case variants of enum values (whether validValues
// compares case-insensitively is not public), no over-long members inside list items (the closed validators'
// limits there are not public), no wrong shapes inside list items, no unknown system tags.
import fc from 'fast-check';
import type { ApiDescriptor, Contracts } from '../../contracts/index.ts';
import type { Expectation } from '../exchange/observation.ts';
import { unknownUuid, validBody, validItem, type ParamGenOptions } from './params.ts';
import { rejectionRules, type RejectionRule } from '../contract-model/rejection-rules.ts';
import { javaTrim } from '../contract-model/java-text.ts';
import { coreOfLength, joinPadded, padded } from './text.ts';

export type RejectionClass = 'rest-layer' | 'api' | 'session';

export interface InvalidCase {
  /** what is wrong, e.g. `stateEvent "pause" (not enable/disable)` */
  label: string;
  klass: RejectionClass;
  expect: Expectation;
  /** body params as the client sends them (templates: may hold slots) */
  params: Record<string, unknown>;
  /** the whole body instead of the client's envelope (template), or raw text that is not a JSON object */
  envelope?: Record<string, unknown>;
  rawText?: string;
  bodyKeyOverride?: string;
  /** an unknown but well-formed uuid in the path instead of the resource's */
  pathUuid?: string;
  /** an unknown session instead of the suite's */
  session?: string;
}

const rest = (why: string, statuses: number[]): Expectation => ({ kind: 'rest-rejection', statuses, why });
const api = (code: string, why: string): Expectation => ({ kind: 'api-rejection', code, why });
/**
 * Gson fails building the message: real ZStack answers 500, a stricter server 400
 * (docs/zstack-protocol.md#wrong-json-types).
 */
const WRONG_SHAPE = [400, 500];

/** A JSON value that is not a scalar: the wrong shape for a String field. */
const nonScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant({}),
  fc.constant({ value: 'x' }),
  fc.constant([]),
  fc.constant(['x']),
);
/** A value that is not a list: the wrong shape for a List field. */
const nonList: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant({ name: 'x' }),
);
/**
 * A scalar whose string form is not true/false in any case (padding excluded: whether TypeVerifier trims is not
 * public).
 */
const nonBoolean: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.constantFrom('maybe', 'yes', 'no', '1', '0', 'truth', 'f', ''),
    fc.string({ unit: fc.constantFrom(...'abcxyz01'), minLength: 1, maxLength: 6 }),
    fc.integer({ min: -3, max: 3 }),
  )
  .filter((v) => !/^(true|false)$/i.test(String(v)));

/** Every invalid case a descriptor allows, as one arbitrary (each case: one thing wrong, the rest valid). */
export function invalidCase(
  contracts: Contracts,
  a: ApiDescriptor,
  opts: ParamGenOptions = {},
): fc.Arbitrary<InvalidCase> {
  const base = validBody(contracts, a, opts);
  return fc.oneof(
    ...restLayerCases(a, base),
    // one case family per refusal the descriptor lets the suite demand (src/contract-model/rejection-rules.ts)
    ...rejectionRules(contracts, a).flatMap((r) => casesForRule(contracts, a, base, r)),
    unknownSessionCase(base),
  );
}

type Params = Record<string, unknown>;
type Cases = Array<fc.Arbitrary<InvalidCase>>;

/** The REST layer's refusals of the body as a whole: the action key, a body that is no object, tags' shape. */
function restLayerCases(a: ApiDescriptor, base: fc.Arbitrary<Params>): Cases {
  const bodyKey = a.bodyKey;
  const isAction = a.method === 'PUT' && bodyKey !== undefined && bodyKey !== 'params';
  return [
    ...(isAction && bodyKey ? actionKeyCases(bodyKey, base) : []),
    ...(bodyKey ? [nonObjectBodyCase(bodyKey)] : []),
    ...(a.tags ? [tagsShapeCase(bodyKey, base)] : []),
  ];
}

function actionKeyCases(bodyKey: string, base: fc.Arbitrary<Params>): Cases {
  const miscased = fc
    .constantFrom(bodyKey.toLowerCase(), bodyKey.toUpperCase(), bodyKey[0].toUpperCase() + bodyKey.slice(1))
    .filter((k) => k !== bodyKey);
  return [
    fc.tuple(base, miscased).map(([params, key]) => ({
      label: `action key "${key}" instead of "${bodyKey}"`,
      klass: 'rest-layer',
      expect: rest(`mis-cased action key ${key}`, [400]),
      params,
      bodyKeyOverride: key,
    })),
    fc.tuple(base, fc.constantFrom('none', 'tags-only', 'other-key')).map(([params, shape]) => {
      const envelope =
        shape === 'none'
          ? {}
          : shape === 'tags-only'
            ? { systemTags: [], userTags: [] }
            : { [`${bodyKey}Unknown`]: params };
      return {
        label: `body without the action key (${shape})`,
        klass: 'rest-layer',
        expect: rest('a PUT body without its action key', [400]),
        params,
        envelope,
      };
    }),
  ];
}

const nonObjectBodyCase = (bodyKey: string): fc.Arbitrary<InvalidCase> =>
  fc.constantFrom('[]', '"text"', '5', 'true', 'null', `{"${bodyKey}":`, 'not json').map((rawText) => ({
    label: `body ${JSON.stringify(rawText)} (not a JSON object)`,
    klass: 'rest-layer',
    expect: rest('a body that is not a JSON object', WRONG_SHAPE),
    params: {},
    rawText,
  }));

const tagsShapeCase = (bodyKey: string | undefined, base: fc.Arbitrary<Params>): fc.Arbitrary<InvalidCase> =>
  fc
    .tuple(base, fc.constantFrom('systemTags', 'userTags'), fc.oneof(fc.string({ maxLength: 5 }), fc.constant({})))
    .map(([params, key, value]) => ({
      label: `${key} ${JSON.stringify(value)} (not a list)`,
      klass: 'rest-layer',
      expect: rest(`${key} of the wrong JSON shape`, WRONG_SHAPE),
      params,
      envelope: { [bodyKey ?? 'params']: params, [key]: value },
    }));

/** The cases one rejection rule allows: its parameter given a value the rule refuses. */
function casesForRule(contracts: Contracts, a: ApiDescriptor, base: fc.Arbitrary<Params>, r: RejectionRule): Cases {
  const name = r.param;
  const withValue = (value: fc.Arbitrary<unknown>) =>
    fc.tuple(base, value).map(([params, v]) => ({ ...params, [name]: v }));
  switch (r.kind) {
    case 'boolean':
      return [
        fc.tuple(base, nonBoolean).map(([params, v]) => ({
          label: `${name} ${JSON.stringify(v)} (not a boolean)`,
          klass: 'rest-layer',
          expect: rest(`${name} ${JSON.stringify(v)}`, [400]),
          params: { ...params, [name]: v },
        })),
      ];
    case 'list-shape':
      return [wrongShapeCase(name, withValue(nonList), 'not a list')];
    case 'string-shape':
      return [wrongShapeCase(name, withValue(nonScalar), 'not a string')];
    case 'item-required':
      return [itemWithoutMemberCase(contracts, a, base, name, r.member)];
    case 'enum':
      return [outsideEnumCase(name, r.values, withValue)];
    case 'maxLength':
      return [tooLongCase(name, r.max, withValue)];
    case 'required':
      return [
        base.map((params) => {
          const { [name]: _omitted, ...rest_ } = params;
          return { label: `${name} missing`, klass: 'api', expect: api('SYS.1007', `missing ${name}`), params: rest_ };
        }),
      ];
    case 'references':
      // only an unknown uuid in the path: the body's references are fixtures the case does not own
      if (a.params[name]?.in !== 'path') return [];
      return [
        fc.tuple(base, unknownUuid).map(([params, uuid]) => ({
          label: `${name} ${uuid} names no ${r.resource}`,
          klass: 'api',
          expect: api('SYS.1003', `unknown ${name}`),
          params,
          pathUuid: uuid,
        })),
      ];
  }
}

type WithValue = (value: fc.Arbitrary<unknown>) => fc.Arbitrary<Params>;

const wrongShapeCase = (name: string, withWrong: fc.Arbitrary<Params>, what: string): fc.Arbitrary<InvalidCase> =>
  withWrong.map((params) => ({
    label: `${name} ${JSON.stringify(params[name])} (${what})`,
    klass: 'rest-layer',
    expect: rest(`${name} of the wrong JSON shape`, WRONG_SHAPE),
    params,
  }));

function itemWithoutMemberCase(
  contracts: Contracts,
  a: ApiDescriptor,
  base: fc.Arbitrary<Params>,
  name: string,
  member: string,
): fc.Arbitrary<InvalidCase> {
  const p = a.params[name];
  const items = fc.array(validItem(contracts, p.items ?? {}), {
    minLength: Math.max(1, p.minItems ?? 0),
    maxLength: 3,
  });
  return fc.tuple(base, items, fc.nat()).map(([params, list, at]) => {
    const i = at % list.length;
    const broken = list.map((x, j) =>
      j === i ? Object.fromEntries(Object.entries(x as Params).filter(([k]) => k !== member)) : x,
    );
    return {
      label: `${name}[${i}] without ${member}`,
      klass: 'api',
      expect: api('SYS.1007', `${name}[${i}] without ${member}`),
      params: { ...params, [name]: broken },
    };
  });
}

function outsideEnumCase(name: string, values: string[], withValue: WithValue): fc.Arbitrary<InvalidCase> {
  const allowed = new Set(values.map((v) => v.toLowerCase()));
  const outside = fc
    .oneof(
      fc.constantFrom('pause', 'start', 'stop', 'enabled', 'Disabled', 'delete', ' '),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 }),
    )
    .filter((v) => !allowed.has(javaTrim(v).toLowerCase()));
  return withValue(outside).map((params) => ({
    label: `${name} ${JSON.stringify(params[name])} (not one of ${values.join('/')})`,
    klass: 'api',
    expect: api('SYS.1007', `${name} ${JSON.stringify(params[name])}`),
    params,
  }));
}

function tooLongCase(name: string, max: number, withValue: WithValue): fc.Arbitrary<InvalidCase> {
  const tooLong = fc
    .integer({ min: max + 1, max: max + 3 })
    .chain((n) => padded(coreOfLength(n)))
    .map(joinPadded);
  return withValue(tooLong).map((params) => ({
    label: `${name} of ${javaTrim(params[name] as string).length} characters once trimmed (max ${max})`,
    klass: 'api',
    expect: api('SYS.1007', `a ${javaTrim(params[name] as string).length}-character ${name}`),
    params,
  }));
}

const unknownSessionCase = (base: fc.Arbitrary<Params>): fc.Arbitrary<InvalidCase> =>
  fc.tuple(base, unknownUuid).map(([params, session]) => ({
    label: 'an unknown session',
    klass: 'session',
    expect: { kind: 'invalid-session' },
    params,
    session,
  }));
