// The protocol and query checks on exchanges built by hand from ZStack's source and documents (not from the reference
// server, which reads the same contracts as the checks): each passes what real ZStack sends, and fails the deviation it
// is about for that reason (its violation's title). Each fixture names the fact it is built from. Pure: no server.
import { test, expect } from '@playwright/test';
import { fails, notApplicable, passes } from '../../fixtures/check-verdicts.ts';
import { organization, response } from '../../fixtures/exchanges.ts';
import {
  BASE,
  JOB_ID,
  ORG,
  accepted,
  createRequest,
  delivery,
  direct,
  hooked,
  job,
  observe,
  queryObservation,
  request,
} from '../../fixtures/protocol-exchanges.ts';

const SYS_1007 = {
  code: 'SYS.1007',
  description: 'One or more API argument is invalid',
  details: 'invalid value[zc-no-such-event] of field[stateEvent]',
};
// AccountManagerImpl.doAuth lets any OAuth session through the REST layer; the API's session check then fails with
// ID.1001 "Session expired" (docs/zstack-protocol.md#sessions).
const ID_1001 = { code: 'ID.1001', description: 'Invalid session', details: 'Session expired' };
const OTHER_JOB = '6f1c0b2a9d8e4f7a8b3c2d1e0f9a8b7c';
const done = (inventory: Record<string, unknown>) => response(200, { inventory });

test.describe('jobUuidHonoured', () => {
  // RestServer.handleApi sets the message id to X-Job-UUID, sendMessage builds the location from the node's base URL
  // (another host than the one called, docs/zstack-protocol.md#sync-and-async-jobs) + /v1/api-jobs/<id>.
  test("passes a location on the node's own host ending with the id, whatever the case of the header name", () => {
    passes(
      'jobUuidHonoured',
      observe(
        'CreateIAM2Organization',
        job(createRequest({ 'X-Job-UUID': JOB_ID }), accepted(JOB_ID), [done(organization())]),
        { kind: 'success' },
      ),
    );
    passes(
      'jobUuidHonoured',
      observe(
        'CreateIAM2Organization',
        job(createRequest({ 'x-job-uuid': JOB_ID }), accepted(JOB_ID, BASE), [done(organization())]),
        { kind: 'success' },
      ),
    );
  });
  // The id is set before the API runs, so a job failing validation (SYS.1007) carries it too.
  test('passes a failing job that carries the id', () => {
    const x = job(
      request('PUT', `/zstack/v1/iam2/organizations/${ORG}/actions`, { 'X-Job-UUID': JOB_ID }),
      accepted(JOB_ID),
      [response(503, { error: SYS_1007 })],
    );
    passes(
      'jobUuidHonoured',
      observe('ChangeIAM2OrganizationState', x, { kind: 'api-rejection', code: 'SYS.1007', why: 'x' }),
    );
  });
  test('does not apply without the header, to an id of another length, or to a repeated id (badJobUuidRefused judges those)', () => {
    notApplicable(
      'jobUuidHonoured',
      observe('CreateIAM2Organization', job(createRequest(), accepted(OTHER_JOB), [done(organization())]), {
        kind: 'success',
      }),
    );
    notApplicable(
      'jobUuidHonoured',
      observe(
        'CreateIAM2Organization',
        job(createRequest({ 'X-Job-UUID': JOB_ID.slice(1) }), accepted(OTHER_JOB), [done(organization())]),
        { kind: 'success' },
      ),
    );
    notApplicable(
      'jobUuidHonoured',
      observe(
        'CreateIAM2Organization',
        job(createRequest({ 'X-Job-UUID': JOB_ID }), accepted(OTHER_JOB), [done(organization())]),
        { kind: 'bad-job-uuid', why: 'an X-Job-UUID repeating an existing job' },
      ),
    );
  });
  test('fails a job the server named itself, on success and on failure', () => {
    const [v] = fails(
      'jobUuidHonoured',
      observe(
        'CreateIAM2Organization',
        job(createRequest({ 'X-Job-UUID': JOB_ID }), accepted(OTHER_JOB), [done(organization())]),
        { kind: 'success' },
      ),
      'the job does not carry the X-Job-UUID it was sent',
    );
    expect(v.expected).toBe(`a location ending in /zstack/v1/api-jobs/${JOB_ID}`);
    const failing = job(
      request('PUT', `/zstack/v1/iam2/organizations/${ORG}/actions`, { 'X-Job-UUID': JOB_ID }),
      accepted(OTHER_JOB),
      [response(503, { error: SYS_1007 })],
    );
    fails(
      'jobUuidHonoured',
      observe('ChangeIAM2OrganizationState', failing, { kind: 'api-rejection', code: 'SYS.1007', why: 'x' }),
      'the job does not carry the X-Job-UUID it was sent',
    );
  });
});

test.describe('badJobUuidRefused', () => {
  // RestServer.handleApi: a length other than 32 is 400 "Invalid header[X-Job-UUID], it must be a UUID with '-'
  // stripped",
  // an id an AsyncRestVO already has is 400 "Duplicate job uuid[...]", both plain text
  // (docs/zstack-protocol.md#the-x-job-uuid-header).
  test("passes ZStack's two plain-text 400s", () => {
    passes(
      'badJobUuidRefused',
      observe(
        'CreateIAM2Organization',
        direct(
          createRequest({ 'X-Job-UUID': '967a26b7-431c-49c0-b1d5-0d709ef1aef3' }),
          response(400, "Invalid header[X-Job-UUID], it must be a UUID with '-' stripped"),
        ),
        { kind: 'bad-job-uuid', why: 'an X-Job-UUID with dashes (36 characters)' },
      ),
    );
    passes(
      'badJobUuidRefused',
      observe(
        'CreateIAM2Organization',
        direct(createRequest({ 'X-Job-UUID': JOB_ID }), response(400, `Duplicate job uuid[${JOB_ID}]`)),
        { kind: 'bad-job-uuid', why: 'an X-Job-UUID repeating an existing job' },
      ),
    );
  });
  test('fails an id with dashes run as a job', () => {
    const x = job(createRequest({ 'X-Job-UUID': '967a26b7-431c-49c0-b1d5-0d709ef1aef3' }), accepted(OTHER_JOB), [
      done(organization()),
    ]);
    const [v] = fails(
      'badJobUuidRefused',
      observe('CreateIAM2Organization', x, { kind: 'bad-job-uuid', why: 'an X-Job-UUID with dashes (36 characters)' }),
      'an X-Job-UUID with dashes (36 characters) not refused',
    );
    expect(v.received).toContain('then the job answered 200');
  });
  test('fails a duplicate refused with another status', () => {
    fails(
      'badJobUuidRefused',
      observe('CreateIAM2Organization', direct(createRequest({ 'X-Job-UUID': JOB_ID }), response(409, 'conflict')), {
        kind: 'bad-job-uuid',
        why: 'an X-Job-UUID repeating an existing job',
      }),
      'an X-Job-UUID repeating an existing job not refused',
    );
  });
});

test.describe('unknownJobIs404', () => {
  // RestServer.handleJobQuery: MysqlAsyncRestStore.query finds no AsyncRestVO, state "expired", 404 "the job has been
  // expired".
  const unknown = request('GET', `/zstack/v1/api-jobs/${OTHER_JOB}`);
  test("passes ZStack's plain-text 404", () =>
    passes(
      'unknownJobIs404',
      observe('CreateIAM2Organization', direct(unknown, response(404, 'the job has been expired')), {
        kind: 'unknown-job',
      }),
    ));
  test('fails an unknown job reported as running, and as done', () => {
    fails(
      'unknownJobIs404',
      observe('CreateIAM2Organization', direct(unknown, response(202, {})), { kind: 'unknown-job' }),
      'an unknown job address does not answer 404',
    );
    fails(
      'unknownJobIs404',
      observe('CreateIAM2Organization', direct(unknown, response(200, {})), { kind: 'unknown-job' }),
      'an unknown job address does not answer 404',
    );
  });
});

test.describe('jobAddressGetOnly', () => {
  // RestServer.handleJobQuery: any method but GET is 405 "only GET method is allowed for querying job status".
  const at = (method: string) =>
    request(method, `/zstack/v1/api-jobs/${JOB_ID}`, {}, method === 'DELETE' ? undefined : '{}');
  test("passes ZStack's 405 for POST, PUT and DELETE", () => {
    for (const m of ['POST', 'PUT', 'DELETE'])
      passes(
        'jobAddressGetOnly',
        observe(
          'CreateIAM2Organization',
          direct(at(m), response(405, 'only GET method is allowed for querying job status')),
          { kind: 'job-wrong-method' },
        ),
      );
  });
  test('fails a DELETE answered 200 and a PUT answered 404', () => {
    fails(
      'jobAddressGetOnly',
      observe('CreateIAM2Organization', direct(at('DELETE'), response(200, {})), { kind: 'job-wrong-method' }),
      'DELETE on a job address is not refused with 405',
    );
    fails(
      'jobAddressGetOnly',
      observe('CreateIAM2Organization', direct(at('PUT'), response(404, 'the job has been expired')), {
        kind: 'job-wrong-method',
      }),
      'PUT on a job address is not refused with 405',
    );
  });
});

test.describe('pendingPollBody', () => {
  const polled = (...polls: Parameters<typeof response>[]) =>
    observe(
      'CreateIAM2Organization',
      job(
        createRequest({ 'X-Job-UUID': JOB_ID }),
        accepted(JOB_ID),
        polls.map((p) => response(...p)),
      ),
      { kind: 'success' },
    );
  // RestServer.handleJobQuery answers a running job with an empty ApiResponse: 202 {}. The REST manual (异步API) says the
  // poll repeats the location, and its example has no /zstack context path: both are accepted.
  test('passes {} as the server sends it and the location as the manual shows it', () => {
    passes('pendingPollBody', polled([202, {}], [202, {}], [200, { inventory: organization() }]));
    passes(
      'pendingPollBody',
      polled(
        [202, { location: 'http://localhost:8989/v1/api-jobs/967a26b7431c49c0b1d50d709ef1aef3' }],
        [503, { error: SYS_1007 }],
      ),
    );
  });
  test('does not apply to a job done at the first poll', () =>
    notApplicable('pendingPollBody', polled([200, { inventory: organization() }])));
  test('fails a pending poll in plain text, and one carrying an inventory', () => {
    const [v] = fails(
      'pendingPollBody',
      polled([202, 'processing'], [200, { inventory: organization() }]),
      'a pending poll answered something else than {} or the location',
    );
    expect(v.received).toBe('HTTP 202 "processing"');
    fails(
      'pendingPollBody',
      polled([202, { inventory: organization({ state: 'Disabled' }) }], [200, { inventory: organization() }]),
      'a pending poll answered something else than {} or the location',
    );
  });
});

test.describe('unknownPathIs404', () => {
  // RestServer.handle: no API mapped to the path (context path removed) is 404 "no api mapping to <path>", before any
  // session check, as plain text (docs/zstack-protocol.md#http-status-codes).
  const path = '/zstack/v1/iam2/zc-no-such-api';
  test("passes ZStack's 404 for GET and POST", () => {
    passes(
      'unknownPathIs404',
      observe(
        'QueryIAM2Organization',
        direct(request('GET', path), response(404, 'no api mapping to /v1/iam2/zc-no-such-api')),
        { kind: 'unknown-path' },
      ),
    );
    passes(
      'unknownPathIs404',
      observe(
        'QueryIAM2Organization',
        direct(request('POST', path, {}, '{"params": {}}'), response(404, 'no api mapping to /v1/iam2/zc-no-such-api')),
        { kind: 'unknown-path' },
      ),
    );
  });
  test('fails a 400 and a job', () => {
    fails(
      'unknownPathIs404',
      observe('QueryIAM2Organization', direct(request('GET', path), response(400, 'bad request')), {
        kind: 'unknown-path',
      }),
      'an unknown API path does not answer 404',
    );
    fails(
      'unknownPathIs404',
      observe(
        'QueryIAM2Organization',
        job(request('POST', path, {}, '{"params": {}}'), accepted(OTHER_JOB), [response(404, 'x')]),
        { kind: 'unknown-path' },
      ),
      'an unknown API path does not answer 404',
    );
  });
});

test.describe('wrongMethodRefused', () => {
  // RestServer.handleNonUniqueApi, for a path several APIs share (Create and Query on /iam2/organizations, Query and
  // Delete on /{uuid}, the actions on /{uuid}/actions): POST/GET/DELETE without an API of that method are 500
  // "No creational|query|delete API found for the path[<request URI>]", a PUT without an action key in its body is 400
  // "the body doesn't contain action mapping to the URL[<path>]", HEAD is 405
  // (docs/zstack-protocol.md#http-status-codes).
  const wrong = (method: string, path: string, answer: ReturnType<typeof response>) =>
    observe(
      'QueryIAM2Organization',
      direct(request(method, path, {}, method === 'DELETE' || method === 'HEAD' ? undefined : '{}'), answer),
      { kind: 'wrong-method' },
    );
  const one = `/zstack/v1/iam2/organizations/${ORG}`;
  test('passes what ZStack answers: 500 for DELETE and POST, 400 for PUT, 405 for HEAD', () => {
    passes(
      'wrongMethodRefused',
      wrong(
        'DELETE',
        '/zstack/v1/iam2/organizations',
        response(500, 'No delete API found for the path[/zstack/v1/iam2/organizations]'),
      ),
    );
    passes(
      'wrongMethodRefused',
      wrong(
        'PUT',
        one,
        response(400, `the body doesn't contain action mapping to the URL[/v1/iam2/organizations/${ORG}]`),
      ),
    );
    passes(
      'wrongMethodRefused',
      wrong('POST', `${one}/actions`, response(500, `No creational API found for the path[${one}/actions]`)),
    );
    passes(
      'wrongMethodRefused',
      wrong('GET', `${one}/actions`, response(500, `No query API found for the path[${one}/actions]`)),
    );
    passes(
      'wrongMethodRefused',
      wrong('HEAD', one, response(405, `The method[HEAD] is not allowed for the path[${one}]`)),
    );
  });
  test('passes 405 for any method (what HTTP means, and what the reference server sends)', () => {
    for (const m of ['DELETE', 'PUT', 'POST', 'PATCH'])
      passes('wrongMethodRefused', wrong(m, one, response(405, 'x', { Allow: 'GET, DELETE' })));
  });
  test('fails a 404 (the path is mapped), a job, and a status ZStack does not use for that method', () => {
    const [v] = fails(
      'wrongMethodRefused',
      wrong('DELETE', '/zstack/v1/iam2/organizations', response(404, 'no api mapping to /v1/iam2/organizations')),
      'DELETE on a path none of whose APIs takes it is not refused',
    );
    expect(v.expected).toBe('HTTP 405 or 500 at once, no job');
    const x = job(request('POST', `${one}/actions`, {}, '{}'), accepted(OTHER_JOB), [
      response(503, { error: SYS_1007 }),
    ]);
    expect(
      fails(
        'wrongMethodRefused',
        observe('QueryIAM2Organization', x, { kind: 'wrong-method' }),
        'POST on a path none of whose APIs takes it is not refused',
      )[0].received,
    ).toContain('then a job');
    expect(
      fails(
        'wrongMethodRefused',
        wrong('PUT', one, response(500, 'x')),
        'PUT on a path none of whose APIs takes it is not refused',
      )[0].expected,
    ).toBe('HTTP 405 or 400 at once, no job');
    fails(
      'wrongMethodRefused',
      wrong('PATCH', one, response(500, 'x')),
      'PATCH on a path none of whose APIs takes it is not refused',
    );
  });
});

test.describe('invalidSessionThroughJob', () => {
  // The session is checked in the API, not the REST layer (docs/zstack-protocol.md#sessions): an async API answers 202
  // and its job 503 ID.1001; a query (APISyncCallMessage, RestServer.sendReplyResponse) answers 503 at once.
  const create = createRequest({ Authorization: `OAuth ${OTHER_JOB}` });
  test('passes ID.1001 through the job, and at once for a query', () => {
    passes(
      'invalidSessionThroughJob',
      observe('CreateIAM2Organization', job(create, accepted(OTHER_JOB), [response(503, { error: ID_1001 })]), {
        kind: 'invalid-session',
      }),
    );
    passes(
      'invalidSessionThroughJob',
      observe(
        'QueryIAM2Organization',
        direct(request('GET', '/zstack/v1/iam2/organizations?limit=1'), response(503, { error: ID_1001 })),
        { kind: 'invalid-session' },
      ),
    );
  });
  test('fails an async call refused at once (401, or 503 without a job) and a query answered 401', () => {
    fails(
      'invalidSessionThroughJob',
      observe('CreateIAM2Organization', direct(create, response(401, 'Unauthorized')), { kind: 'invalid-session' }),
      'an invalid session is not refused through the job',
    );
    fails(
      'invalidSessionThroughJob',
      observe('CreateIAM2Organization', direct(create, response(503, { error: ID_1001 })), { kind: 'invalid-session' }),
      'an invalid session is not refused through the job',
    );
    fails(
      'invalidSessionThroughJob',
      observe(
        'QueryIAM2Organization',
        direct(request('GET', '/zstack/v1/iam2/organizations'), response(401, 'Unauthorized')),
        { kind: 'invalid-session' },
      ),
      'a query with an invalid session is not refused at once',
    );
  });
});

test.describe('rejectedCreateLeavesNothing', () => {
  // A 400 from the REST layer comes before any message is sent, and a job failing ID.1001 never reaches the API's
  // handler (docs/zstack-protocol.md#the-x-job-uuid-header, docs/zstack-protocol.md#sessions): a query by the name
  // finds nothing.
  const duplicate = direct(createRequest({ 'X-Job-UUID': JOB_ID }), response(400, `Duplicate job uuid[${JOB_ID}]`));
  test('passes refused creates after which the query finds nothing', () => {
    passes(
      'rejectedCreateLeavesNothing',
      observe('CreateIAM2Organization', duplicate, { kind: 'bad-job-uuid', why: 'x' }, { after: null }),
    );
    passes(
      'rejectedCreateLeavesNothing',
      observe(
        'CreateIAM2Organization',
        job(createRequest(), accepted(OTHER_JOB), [response(503, { error: ID_1001 })]),
        { kind: 'invalid-session' },
        { after: null },
      ),
    );
  });
  test('does not apply to a successful create or to another kind of API', () => {
    notApplicable(
      'rejectedCreateLeavesNothing',
      observe(
        'CreateIAM2Organization',
        job(createRequest(), accepted(OTHER_JOB), [done(organization())]),
        { kind: 'success' },
        { after: organization() },
      ),
    );
    notApplicable(
      'rejectedCreateLeavesNothing',
      observe(
        'ChangeIAM2OrganizationState',
        job(createRequest(), accepted(OTHER_JOB), [response(503, { error: ID_1001 })]),
        { kind: 'invalid-session' },
        { after: organization() },
      ),
    );
  });
  test('fails a refused create whose resource a query then finds', () => {
    const [v] = fails(
      'rejectedCreateLeavesNothing',
      observe(
        'CreateIAM2Organization',
        duplicate,
        { kind: 'bad-job-uuid', why: 'x' },
        { after: organization({ name: 'zc-org' }) },
      ),
      'a refused create left a resource behind',
    );
    expect(v.received).toContain(ORG);
  });
});

test.describe('webHookDelivered', () => {
  // RestServer.callWebHook POSTs (okhttp, application/json) the body a poll answers, with X-Job-UUID = the message id
  // and X-Job-Success = String.valueOf(evt.isSuccess()) (docs/zstack-protocol.md#web-hooks). The schema map follows the
  // X-JSON-Schema of the request that reads the result: the poll below asked for it, the call did not.
  const inventory = organization();
  const schema = {
    inventory: 'org.zstack.iam2.entity.IAM2OrganizationInventory',
    'inventory.attributes[0]': 'org.zstack.iam2.entity.IAM2OrganizationAttributeInventory',
  };
  const created = job(
    createRequest({ 'X-Job-UUID': JOB_ID, 'X-Web-Hook': 'http://127.0.0.1:9000/zc-hook/t/1' }),
    accepted(JOB_ID),
    [response(202, {}), response(200, { inventory, schema })],
  );
  const rejected = job(
    request('PUT', `/zstack/v1/iam2/organizations/${ORG}/actions`, { 'X-Job-UUID': JOB_ID }),
    accepted(JOB_ID),
    [response(503, { error: SYS_1007 })],
  );
  const rejection = { kind: 'api-rejection', code: 'SYS.1007', why: 'x' } as const;
  test('passes the result of a success and of a failure, the schema map aside', () => {
    passes(
      'webHookDelivered',
      hooked('CreateIAM2Organization', created, { kind: 'success' }, [
        delivery({ 'x-job-uuid': JOB_ID, 'x-job-success': 'true' }, { inventory }),
      ]),
    );
    passes(
      'webHookDelivered',
      hooked('ChangeIAM2OrganizationState', rejected, rejection, [
        delivery({ 'x-job-uuid': JOB_ID, 'x-job-success': 'false' }, { error: SYS_1007 }),
      ]),
    );
  });
  test('does not apply without a hook or to a job that never settled', () => {
    notApplicable('webHookDelivered', observe('CreateIAM2Organization', created, { kind: 'success' }));
    notApplicable(
      'webHookDelivered',
      hooked('CreateIAM2Organization', { ...created, unsettled: 'job-timeout' }, { kind: 'success' }, []),
    );
  });
  test('fails no delivery, a GET, another job, the wrong outcome, another body', () => {
    const [v] = fails(
      'webHookDelivered',
      hooked('CreateIAM2Organization', created, { kind: 'success' }, []),
      'the web hook was never called',
    );
    expect(v.received).toBe('nothing received within 30000 ms after the job ended');
    fails(
      'webHookDelivered',
      hooked('CreateIAM2Organization', created, { kind: 'success' }, [
        delivery({ 'x-job-uuid': JOB_ID, 'x-job-success': 'true' }, { inventory }, 'GET'),
      ]),
      'the web hook was not a POST',
    );
    fails(
      'webHookDelivered',
      hooked('CreateIAM2Organization', created, { kind: 'success' }, [
        delivery({ 'x-job-uuid': OTHER_JOB, 'x-job-success': 'true' }, { inventory }),
      ]),
      'the web hook names another job',
    );
    fails(
      'webHookDelivered',
      hooked('ChangeIAM2OrganizationState', rejected, rejection, [
        delivery({ 'x-job-uuid': JOB_ID, 'x-job-success': 'true' }, { error: SYS_1007 }),
      ]),
      'the web hook reports the wrong outcome',
    );
    fails(
      'webHookDelivered',
      hooked('CreateIAM2Organization', created, { kind: 'success' }, [
        delivery({ 'x-job-uuid': JOB_ID, 'x-job-success': 'true' }, { inventory: { ...inventory, state: 'Disabled' } }),
      ]),
      "the web hook body differs from the job's result",
    );
  });
});

// Three organizations for the query checks. Without sort the SQL has no ORDER BY (docs/zstack-protocol.md#sorting), so
// the
// oracle's list is a set unless a page of a sorted query is asked for.
const A = organization({ uuid: 'a'.repeat(32), name: 'alpha', description: 'x' });
const B = organization({ uuid: 'b'.repeat(32), name: 'Beta' });
const C = organization({ uuid: 'c'.repeat(32), name: 'beta', description: 'y' });
const uuids = (...rows: Record<string, unknown>[]) => rows.map((r) => String(r['uuid']));
const QUERY_SCHEMA = { 'inventories[0]': 'org.zstack.iam2.entity.IAM2OrganizationInventory' };
const answer = (rows: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  response(200, { inventories: rows, schema: QUERY_SCHEMA, ...extra });

test.describe('queryReturnsMatchingRows', () => {
  // q=name~=%eta%: LIKE under utf8_general_ci ignores case (docs/zstack-protocol.md#operators-and-collation).
  const set = { uuids: { list: uuids(B, C), ordered: false } };
  test('passes the matching rows in any order, and a sorted page that is exactly the slice', () => {
    passes('queryReturnsMatchingRows', queryObservation(answer([C, B]), set, 'q=name~=%eta%'));
    passes('queryReturnsMatchingRows', queryObservation(answer([B, C]), set, 'q=name~=%eta%'));
    passes(
      'queryReturnsMatchingRows',
      queryObservation(answer([B]), { uuids: { list: uuids(B), ordered: true } }, 'page start=1 limit=1 of sort=+uuid'),
    );
  });
  test('fails a missing row, an extra row, a row twice, another slice, no inventories, a refusal', () => {
    const [v] = fails(
      'queryReturnsMatchingRows',
      queryObservation(answer([C, A]), set, 'q=name~=%eta%'),
      'q=name~=%eta%: the answer does not match the conditions',
    );
    expect(v.received).toBe(`not matching but listed: ${A['uuid']}; matching but missing: ${B['uuid']}`);
    fails(
      'queryReturnsMatchingRows',
      queryObservation(answer([B, C, C]), set, 'q=name~=%eta%'),
      'q=name~=%eta%: a resource is listed twice',
    );
    fails(
      'queryReturnsMatchingRows',
      queryObservation(answer([C]), { uuids: { list: uuids(B), ordered: true } }, 'page start=1 limit=1 of sort=+uuid'),
      'page start=1 limit=1 of sort=+uuid: the answer does not match the conditions',
    );
    fails(
      'queryReturnsMatchingRows',
      queryObservation(
        answer([C, B]),
        { uuids: { list: uuids(B, C), ordered: true } },
        'page start=1 limit=2 of sort=+uuid',
      ),
      'page start=1 limit=2 of sort=+uuid: the page is not the slice of the sorted list',
    );
    fails(
      'queryReturnsMatchingRows',
      queryObservation(response(200, { total: 2, schema: {} }), set, 'q=name~=%eta%'),
      'q=name~=%eta%: no inventories',
    );
    fails(
      'queryReturnsMatchingRows',
      queryObservation(
        response(503, { error: { code: 'SYS.1000', description: 'An internal error happened in system' } }),
        set,
        'q=name~=%eta%',
      ),
      'a valid query was refused',
    );
  });
});

test.describe('querySortedAsAsked', () => {
  // ORDER BY description under utf8_general_ci: NULL first ascending, last descending; Beta and beta tie on name
  // and may come in either order (docs/zstack-protocol.md#sorting). Ranks are written out as the oracle gives them.
  const byDescription = { [String(B['uuid'])]: 0, [String(A['uuid'])]: 1, [String(C['uuid'])]: 2 };
  const byDescriptionDesc = { [String(C['uuid'])]: 0, [String(A['uuid'])]: 1, [String(B['uuid'])]: 2 };
  const byName = { [String(A['uuid'])]: 0, [String(B['uuid'])]: 1, [String(C['uuid'])]: 1 };
  test('passes NULL first ascending and last descending, and ties in either order', () => {
    passes('querySortedAsAsked', queryObservation(answer([B, A, C]), { ranks: byDescription }, 'sort=+description'));
    passes(
      'querySortedAsAsked',
      queryObservation(answer([C, A, B]), { ranks: byDescriptionDesc }, 'sort=-description'),
    );
    passes('querySortedAsAsked', queryObservation(answer([A, B, C]), { ranks: byName }, 'sort=+name'));
    passes('querySortedAsAsked', queryObservation(answer([A, C, B]), { ranks: byName }, 'sort=+name'));
  });
  test('does not apply to a query without sort', () =>
    notApplicable(
      'querySortedAsAsked',
      queryObservation(answer([C, A, B]), { uuids: { list: uuids(A, B, C), ordered: false } }, 'q=name~=%'),
    ));
  test('fails NULL last ascending (as a naive sort puts it) and a case-sensitive order (Beta before alpha)', () => {
    const [v] = fails(
      'querySortedAsAsked',
      queryObservation(answer([A, C, B]), { ranks: byDescription }, 'sort=+description'),
      'sort=+description: out of order',
    );
    expect(v.received).toBe(`${C['uuid']} (rank 2) before ${B['uuid']} (rank 0)`);
    fails(
      'querySortedAsAsked',
      queryObservation(answer([B, A, C]), { ranks: byName }, 'sort=+name'),
      'sort=+name: out of order',
    );
  });
});

test.describe('queryCountsTotal', () => {
  // count=true answers {"total": N, "schema": {}} and no inventories; replyWithCount=true adds total beside them
  // (RestServer.writeResponse puts total; docs/zstack-protocol.md#paging-and-counting).
  test('passes count=true without inventories and replyWithCount beside a page', () => {
    passes(
      'queryCountsTotal',
      queryObservation(response(200, { total: 3, schema: {} }), { total: 3, countOnly: true }, 'count=true'),
    );
    passes(
      'queryCountsTotal',
      queryObservation(
        answer([A], { total: 3 }),
        { uuids: { list: uuids(A), ordered: true }, total: 3 },
        'page start=0 limit=1 of sort=+uuid',
      ),
    );
  });
  test('fails count=true listing inventories, a total of the page only, a total as text', () => {
    fails(
      'queryCountsTotal',
      queryObservation(answer([A, B, C], { total: 3 }), { total: 3, countOnly: true }, 'count=true'),
      'count=true also lists inventories',
    );
    const [v] = fails(
      'queryCountsTotal',
      queryObservation(answer([A], { total: 1 }), { total: 3 }, 'page start=0 limit=1 of sort=+uuid'),
      'page start=0 limit=1 of sort=+uuid: wrong total',
    );
    expect(v.expected).toBe('total=3');
    fails(
      'queryCountsTotal',
      queryObservation(response(200, { total: '3', schema: {} }), { total: 3, countOnly: true }, 'count=true'),
      'count=true: wrong total',
    );
  });
});

test.describe('queryFieldsSelected', () => {
  // fields=a,b: each inventory is built empty and only those fields filled, nulls omitted (QueryFacadeImpl;
  // docs/zstack-protocol.md#query-parameters).
  const projected = (names: string[]) =>
    [A, B, C].map((r) => Object.fromEntries(names.filter((n) => r[n] !== undefined).map((n) => [n, r[n]])));
  test('passes the fields=uuid reply in any order, and a null description omitted', () => {
    passes(
      'queryFieldsSelected',
      queryObservation(
        answer([{ uuid: C['uuid'] }, { uuid: A['uuid'] }, { uuid: B['uuid'] }]),
        { fields: { names: ['uuid'], projected: projected(['uuid']) } },
        'fields=uuid',
      ),
    );
    passes(
      'queryFieldsSelected',
      queryObservation(
        answer([{ uuid: A['uuid'], description: 'x' }, { uuid: B['uuid'] }, { uuid: C['uuid'], description: 'y' }]),
        { fields: { names: ['uuid', 'description'], projected: projected(['uuid', 'description']) } },
        'fields=uuid,description',
      ),
    );
  });
  test('fails whole inventories and a value the full inventory does not have', () => {
    const [v] = fails(
      'queryFieldsSelected',
      queryObservation(
        answer([A, B, C]),
        { fields: { names: ['uuid'], projected: projected(['uuid']) } },
        'fields=uuid',
      ),
      'fields=uuid returned other fields too',
    );
    expect(v.received).toContain('name');
    fails(
      'queryFieldsSelected',
      queryObservation(
        answer([
          { uuid: A['uuid'], name: 'ALPHA' },
          { uuid: B['uuid'], name: 'Beta' },
          { uuid: C['uuid'], name: 'beta' },
        ]),
        { fields: { names: ['uuid', 'name'], projected: projected(['uuid', 'name']) } },
        'fields=uuid,name',
      ),
      'fields=uuid,name values differ from the full inventories',
    );
  });
});

test.describe('queryByUuidAgrees', () => {
  // GET .../{uuid} is the query uuid=<uuid> and ignores every parameter; a uuid naming nothing answers
  // 200 {"inventories": []} (RestServer.handleQueryApi; docs/zstack-protocol.md#query-parameters).
  const unknown = '0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f0f';
  test("passes an unknown uuid's empty list and a known one's inventory (its attributes in any order)", () => {
    passes(
      'queryByUuidAgrees',
      queryObservation(
        response(200, { inventories: [], schema: {} }),
        { sameAs: [] },
        `GET .../${unknown}`,
        `/zstack/v1/iam2/organizations/${unknown}`,
      ),
    );
    const two = organization({
      attributes: [
        ...(A['attributes'] as unknown[]),
        { uuid: 'e'.repeat(32), name: 'b', type: 'Customized', organizationUuid: ORG },
      ],
    });
    passes(
      'queryByUuidAgrees',
      queryObservation(
        answer([{ ...two, attributes: [...(two['attributes'] as unknown[])].reverse() }]),
        { sameAs: [two] },
        `GET .../${two['uuid']}`,
      ),
    );
  });
  test('fails an unknown uuid answered 404 or without inventories, and a stale inventory', () => {
    fails(
      'queryByUuidAgrees',
      queryObservation(response(404, 'not found'), { sameAs: [] }, `GET .../${unknown}`),
      'a valid query was refused',
    );
    fails(
      'queryByUuidAgrees',
      queryObservation(response(200, {}), { sameAs: [] }, `GET .../${unknown}`),
      'GET by uuid differs from q=uuid=',
    );
    fails(
      'queryByUuidAgrees',
      queryObservation(answer([{ ...A, state: 'Disabled' }]), { sameAs: [A] }, `GET .../${A['uuid']}`),
      'GET by uuid differs from q=uuid=',
    );
  });
});

test.describe('the query sweep: a counted page of unknown size, a limit, a projection of rows that may change', () => {
  test('queryCountsTotal: replyWithCount=true needs a whole total at least the rows listed', () => {
    passes(
      'queryCountsTotal',
      queryObservation(answer([A, B], { total: 7 }), { counted: true }, 'replyWithCount=true'),
    );
    fails(
      'queryCountsTotal',
      queryObservation(answer([A, B]), { counted: true }, 'replyWithCount=true'),
      'replyWithCount=true: replyWithCount=true without a total',
    );
    fails(
      'queryCountsTotal',
      queryObservation(answer([A, B], { total: 1 }), { counted: true }, 'replyWithCount=true'),
      'replyWithCount=true: replyWithCount=true without a total',
    );
  });
  test('queryReturnsMatchingRows: limit=N gives at most N rows', () => {
    passes('queryReturnsMatchingRows', queryObservation(answer([A]), { maxRows: 1 }, 'limit=1'));
    passes('queryReturnsMatchingRows', queryObservation(answer([]), { maxRows: 1 }, 'limit=1'));
    fails(
      'queryReturnsMatchingRows',
      queryObservation(answer([A, B]), { maxRows: 1 }, 'limit=1'),
      'limit=1: more rows than the limit',
    );
  });
  test('queryFieldsSelected without a projection: only these keys', () => {
    passes(
      'queryFieldsSelected',
      queryObservation(answer([{ uuid: A['uuid'] }, { uuid: 'z'.repeat(32) }]), { fields: { names: ['uuid'] } }, 'f'),
    );
    fails(
      'queryFieldsSelected',
      queryObservation(answer([{ uuid: A['uuid'], name: 'alpha' }]), { fields: { names: ['uuid'] } }, 'fields=uuid'),
      'fields=uuid returned other fields too',
    );
  });
});
