// The read-only query sweep of one Query API of the whole surface: a handful of GETs (a counted page, the count,
// limit=1, and for one row found: its count, fields=, q=uuid= and GET .../{uuid}), each judged by the checks that
// apply to it. Nothing is created; a row set that changes between two requests (a live shared server) is met with
// filters that cannot change (q=uuid=<a row>) and one retry of the unfiltered pair.
import type { ApiDescriptor } from '../../contracts/index.ts';
import { failuresOf, checkNamed, runChecks, type CheckResult } from '../checks/index.ts';
import type { SchemaRegistry } from '../contract-model/schemas.ts';
import { dereference } from '../contract-model/schemas.ts';
import type { QueryOptions, ZStackClient } from '../client/zstack-client.ts';
import { finalBody, type Exchange } from '../exchange/exchange.ts';
import { isObject, type JsonObject } from '../exchange/json.ts';
import type { Observation, QueryExpectation } from '../exchange/observation.ts';

/** The rows of the first page: enough to judge the schema on, few enough to be gentle. */
export const SWEEP_PAGE = 10;

/** What the sweep found out about one Query API. */
export interface SweepOutcome {
  api: string;
  area: string;
  /** false: the target answered 404 `no api mapping to <path>` */
  served: boolean;
  /** why nothing could be asked at all (a path parameter a read-only sweep cannot know); nothing was sent */
  unsweepable?: string;
  /** rules that could not be judged, each with the reason (no rows, no uuid, no schema, no path with uuid) */
  notApplicable: string[];
  observations: Observation[];
  results: CheckResult[];
  failed: CheckResult[];
  advisories: CheckResult[];
  /** the requests the sweep of this API sent */
  requests: number;
}

/** The Query APIs the sweep covers: every GET query of the surface answering a list of inventories. */
export const sweptQueries = (surface: ReadonlyMap<string, ApiDescriptor>): ApiDescriptor[] =>
  [...surface.values()].filter((a) => a.kind === 'query' && a.method === 'GET' && a.reply.body === 'inventories');

/** The area an API is certified under; an API the import gave none counts as `unassigned`. */
export const areaOf = (api: ApiDescriptor): string => api.area ?? 'unassigned';

/** The 404 of a path no API is mapped to (docs/zstack-protocol.md#http-status-codes). */
export const notServed = (x: Exchange): boolean =>
  x.final.status === 404 && x.final.text.trimStart().startsWith('no api mapping');

const rowsOf = (x: Exchange): JsonObject[] => {
  const list = finalBody(x)?.['inventories'];
  return Array.isArray(list) ? list.filter(isObject) : [];
};
const totalOf = (x: Exchange): unknown => finalBody(x)?.['total'];

/** The property fields=... selects: uuid, else the schema's first string property. */
function projectedField(api: ApiDescriptor, schemas: SchemaRegistry, rowsHaveUuid: boolean): string | undefined {
  if (rowsHaveUuid) return 'uuid';
  const schema = api.reply.schema ? schemas.contracts.schemas.get(api.reply.schema) : undefined;
  const props = schema?.['properties'];
  if (!isObject(props)) return undefined;
  return Object.keys(props).find((k) => {
    const p = props[k];
    return isObject(p) && dereference(schemas.contracts, p)['type'] === 'string';
  });
}

/** One judged request of the sweep: its observation and the checks that apply to it. */
interface Step {
  o: Observation;
  checks: string[];
}

/** The checks on a page of whole rows: its envelope, the rows' schema and schema map, their timestamps. */
const ROW_CHECKS = ['inventoryOnSuccess', 'replyMatchesSchema', 'querySchemaMapForSdk', 'timestampsParseableBySdk'];

export async function sweepQuery(zs: ZStackClient, api: ApiDescriptor, schemas: SchemaRegistry): Promise<SweepOutcome> {
  const startCount = zs.exchangeCount;
  const steps: Step[] = [];
  const notApplicable: string[] = [];
  const ask = (opts: QueryOptions) => zs.query(api.name, opts);
  const step = (x: Exchange, sent: QueryOptions, why: string, expected: QueryExpectation, checks: string[]) => {
    const o: Observation = { api, exchange: x, sent: { ...sent }, expect: { kind: 'query', why, expected } };
    steps.push({ o, checks });
    return o;
  };
  const outcome = (served: boolean): SweepOutcome => {
    const results = steps.flatMap(({ o, checks }, i) =>
      runChecks([o], { schemas }, checks.map(checkNamed)).map((r) => ({ ...r, observation: i })),
    );
    return {
      api: api.name,
      area: areaOf(api),
      served,
      notApplicable,
      observations: steps.map((s) => s.o),
      results,
      ...failuresOf(results),
      requests: zs.exchangeCount - startCount,
    };
  };

  const pathParams = [...api.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (pathParams.length > 0)
    return {
      ...outcome(true),
      unsweepable: `its path needs {${pathParams.join('}, {')}}, which no read-only sweep knows`,
    };

  // without the rows' schema in the contracts nothing can be said about them: the rest is still judged
  const hasSchema = api.reply.schema !== undefined && schemas.contracts.schemas.has(api.reply.schema);
  if (!hasSchema) notApplicable.push(`schema: no schema ${api.reply.schema ?? '(none named)'} in the contracts`);
  const rowChecks = hasSchema ? ROW_CHECKS : ['inventoryOnSuccess'];

  // a. a counted page; b. its rows; c. the count of the same query (one retry: rows may come and go between two)
  const pageOpts: QueryOptions = { replyWithCount: true, limit: SWEEP_PAGE };
  let page = await ask(pageOpts);
  if (notServed(page)) return outcome(false);
  const why = `replyWithCount=true&limit=${SWEEP_PAGE}`;
  const pageChecks = [...rowChecks, 'queryCountsTotal', 'queryReturnsMatchingRows'];
  if (page.final.status !== 200) {
    step(page, pageOpts, why, { counted: true, maxRows: SWEEP_PAGE }, pageChecks);
    notApplicable.push('every other rule: the counted page was refused');
    return outcome(true);
  }
  let count = await ask({ count: true });
  if (typeof totalOf(page) === 'number' && totalOf(page) !== totalOf(count)) {
    page = await ask(pageOpts);
    count = await ask({ count: true });
  }
  step(page, pageOpts, why, { counted: true, maxRows: SWEEP_PAGE }, pageChecks);
  const total = totalOf(page);
  step(
    count,
    { count: true },
    `count=true against ${why}`,
    { countOnly: true, counted: true, ...(typeof total === 'number' ? { total } : {}) },
    ['queryCountsTotal'],
  );
  // d. limit=1, counted: at most one row, and a total that counts every row, not the page (one retry, as above)
  const oneOpts: QueryOptions = { limit: 1, replyWithCount: true };
  let one = await ask(oneOpts);
  if (typeof totalOf(count) === 'number' && totalOf(one) !== totalOf(count)) {
    one = await ask(oneOpts);
    count = await ask({ count: true });
  }
  const counted = totalOf(count);
  step(
    one,
    oneOpts,
    'limit=1&replyWithCount=true',
    { maxRows: 1, counted: true, ...(typeof counted === 'number' ? { total: counted } : {}) },
    ['queryReturnsMatchingRows', 'queryCountsTotal'],
  );

  const rows = rowsOf(page);
  if (rows.length === 0) {
    notApplicable.push('row rules (schema, count by uuid, fields, GET by uuid): no rows');
    return outcome(true);
  }
  const uuid = rows.map((r) => r['uuid']).find((u): u is string => typeof u === 'string' && u !== '');

  // e. fields=: on one row by uuid, whose projection cannot change; without a uuid, only-these-keys on a page
  const field = projectedField(api, schemas, uuid !== undefined);
  if (uuid !== undefined) {
    const byUuid = { q: [`uuid=${uuid}`] };
    const countOpts = { ...byUuid, count: true };
    const countOne = await ask(countOpts);
    // a row deleted by someone else since the page is no finding (a live shared server)
    if (totalOf(countOne) !== 1 && rowsOf(await ask(byUuid)).length === 0)
      notApplicable.push(`count by uuid: row ${uuid} went away during the sweep`);
    else step(countOne, countOpts, `count=true&q=uuid=${uuid}`, { total: 1, countOnly: true }, ['queryCountsTotal']);
    // only these keys: the row's values may change between two requests
    const fieldsOpts = { ...byUuid, fields: ['uuid'] };
    step(await ask(fieldsOpts), fieldsOpts, `fields=uuid&q=uuid=${uuid}`, { fields: { names: ['uuid'] } }, [
      'queryFieldsSelected',
    ]);
  } else {
    notApplicable.push('count by uuid, GET by uuid: the rows have no uuid');
    if (field === undefined) notApplicable.push('fields: the schema names no string property');
    else {
      const fieldsOpts = { fields: [field], limit: SWEEP_PAGE };
      step(await ask(fieldsOpts), fieldsOpts, `fields=${field}`, { fields: { names: [field] } }, [
        'queryFieldsSelected',
      ]);
    }
  }
  if (uuid === undefined) return outcome(true);

  // f. GET .../{uuid} agrees with q=uuid= (one retry: the row may change between the two)
  if (!api.pathWithUuid) {
    notApplicable.push('GET by uuid: the API has no path with a uuid');
    return outcome(true);
  }
  const byQuery = async () => ask({ q: [`uuid=${uuid}`] });
  let listed = await byQuery();
  let byPath = await ask({ uuid });
  if (JSON.stringify(rowsOf(listed)) !== JSON.stringify(rowsOf(byPath))) {
    listed = await byQuery();
    byPath = await ask({ uuid });
  }
  step(listed, { q: [`uuid=${uuid}`] }, `q=uuid=${uuid}`, { uuids: { list: [uuid], ordered: false } }, [
    'queryReturnsMatchingRows',
  ]);
  const sameAs = rowsOf(listed);
  step(byPath, { uuid }, `GET ${api.pathWithUuid} of ${uuid}`, { sameAs }, ['queryByUuidAgrees']);
  return outcome(true);
}

/**
 * One line per violation, naming the API and the field:
 * `QueryVmInstance: inventories[0] does not match …: inventories[0].name: must be string [replyMatchesSchema]`.
 */
export function sweepLines(results: readonly CheckResult[]): string[] {
  return results.flatMap((r) => r.violations.map((v) => `${v.api}: ${v.title}: ${v.received} [${v.check}]`));
}

/**
 * What a Query API the target does not serve means for its test: skipped, unless the run declares its area covered
 * (ZSTACK_PROFILE_AREAS), then one line naming the API fails it.
 */
export function notServedVerdict(
  api: ApiDescriptor,
  declaredAreas: readonly string[],
): { fail: string } | { skip: string } {
  const area = areaOf(api);
  return declaredAreas.includes(area)
    ? { fail: `${api.name}: not served (404 no api mapping to ${api.path}), in area ${area} of ZSTACK_PROFILE_AREAS` }
    : { skip: `not served: ${api.path} answers 404 no api mapping (area ${area} is not declared)` };
}
