// The resources the query properties run over: organizations the run creates once per property, all named
// `<tag><suffix>` with a run-tagged prefix, so `q=name~=<tag>%` selects them and nothing else on a shared
// server. Names and descriptions mix case, accents, LIKE metacharacters, inner spaces and NULL descriptions;
// pairs that differ only in case or accents are made on purpose. The fixture is drawn from the run's seed
// (fc.sample), so replaying a seed rebuilds it.
import fc from 'fast-check';
import { findApi } from '../../../contracts/index.ts';
import type { Observation } from '../../exchange/observation.ts';
import { finalBody } from '../../exchange/exchange.ts';
import { isObject, type JsonObject } from '../../exchange/json.ts';
import { BASE_LETTER } from '../../query-oracle/collation.ts';
import { mapInFlight } from '../../client/in-flight.ts';
import type { CaseRecord, PropertyEnv } from '../core.ts';

/**
 * Characters the generated text uses: each has a certain utf8_general_ci weight and none is read as a query operator.
 */
export const ALPHABET = [...'abcxyzABCXYZ019 _%\\-.', ...'éÉèàÄöÖüñÑçå'];

/** Accent toggles: a base letter to one accented form and back. */
export const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  e: 'é',
  o: 'ö',
  u: 'ü',
  n: 'ñ',
  c: 'ç',
  A: 'Ä',
  E: 'É',
  O: 'Ö',
  N: 'Ñ',
};
export const toggleAccent = (ch: string): string => ACCENTED[ch] ?? BASE_LETTER[ch] ?? ch;
export const flipCase = (ch: string): string => (ch.toUpperCase() === ch ? ch.toLowerCase() : ch.toUpperCase());

export interface RowSpec {
  suffix: string;
  description: string | null;
  type: 'first' | 'second';
}
export interface FixtureSpec {
  rows: RowSpec[];
}

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

/** Stored text as ZStack keeps it: Java-trimmed; a trailing backslash is avoided (see collation.ts). */
const tidy = (s: string): string => s.replace(/[\s\\]+$/, '').replace(/^\s+/, '') || 'x';

/** A twin differs from an earlier row only in case and accents: `=` must find both. */
function twin(s: string, flips: boolean[]): string {
  return [...s]
    .map((c, i) => (flips[i % Math.max(1, flips.length)] ? toggleAccent(flipCase(c)) : flipCase(c)))
    .join('');
}

export function fixtureArbitrary(size: number): fc.Arbitrary<FixtureSpec> {
  const row = fc.record({
    suffix: text(1, 10),
    description: fc.option(text(1, 14), { freq: 3, nil: null }),
    type: fc.constantFrom<'first' | 'second'>('first', 'second'),
    twinOf: fc.option(fc.nat(), { freq: 3, nil: null }),
    flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
  });
  return fc.array(row, { minLength: size, maxLength: size }).map((rs) => {
    const rows: RowSpec[] = [];
    rs.forEach((r, i) => {
      const suffix = r.twinOf !== null && i > 0 ? twin(rows[r.twinOf % i].suffix, r.flips) : tidy(r.suffix);
      rows.push({
        suffix: tidy(suffix),
        description: r.description === null ? null : tidy(r.description),
        type: r.type,
      });
    });
    return { rows };
  });
}

export interface QueryFixture {
  /** the run-tagged name prefix: `q=name~=<tag>%` selects exactly the fixture */
  tag: string;
  queryApi: string;
  /** uuids of the fixture's rows (organizations, or another inventory of a typed fixture) */
  uuids: string[];
}

const fixtures = new WeakMap<PropertyEnv, Promise<QueryFixture>>();

/** Creates the fixture once per property run (the env's kit deletes it at the end). */
export function queryFixture(env: PropertyEnv, spec: FixtureSpec): Promise<QueryFixture> {
  let f = fixtures.get(env);
  if (!f) {
    f = (async () => {
      const create = findApi(env.contracts, 'IAM2Organization', 'create');
      const types = create.params['type']?.enum ?? [];
      const tag = `${env.kit.name('q')}-`;
      // the rows are independent of each other: made several at once, listed in the spec's order
      const uuids = await mapInFlight(spec.rows, env.zs.config.casesInFlight, async (r) => {
        const params: Record<string, unknown> = {
          name: tag + r.suffix,
          type: r.type === 'first' ? types[0] : (types[1] ?? types[0]),
        };
        if (r.description !== null) params['description'] = r.description;
        return String((await env.kit.create('IAM2Organization', params))['uuid']);
      });
      return { tag, queryApi: findApi(env.contracts, 'IAM2Organization', 'query').name, uuids };
    })();
    fixtures.set(env, f);
  }
  return f;
}

/** The condition that selects the fixture. */
export const tagCondition = (f: QueryFixture): string => `name~=${f.tag}%`;

/**
 * The fixture as the target shows it (the oracle's input), read with the tag condition; that query is itself
 * judged: it must list exactly the fixture.
 */
export async function fixtureRows(rec: CaseRecord, f: QueryFixture): Promise<JsonObject[]> {
  const zs = rec.zs;
  const x = await zs.query(f.queryApi, { q: [tagCondition(f)] });
  const o: Observation = {
    api: zs.api(f.queryApi),
    exchange: x,
    sent: { q: tagCondition(f) },
    expect: {
      kind: 'query',
      why: "the run's own rows",
      expected: { uuids: { list: f.uuids, ordered: false } },
    },
  };
  rec.judge(`${f.queryApi}(q=${tagCondition(f)}) (the fixture)`, [o]);
  const list = finalBody(x)?.['inventories'];
  return Array.isArray(list) ? list.filter(isObject) : [];
}
