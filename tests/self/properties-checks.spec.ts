// The checks the properties rely on, on exchanges built from ZStack's documents (fixtures/exchanges.ts): each passes
// what real ZStack sends and fails the one deviation it is about.
import { expect, test } from '@playwright/test';
import type { Check } from '../../src/checks/index.ts';
import type { Observation } from '../../src/exchange/observation.ts';
import { createAppliesSentFields } from '../../src/checks/createAppliesSentFields.ts';
import { queryShowsLastInventory } from '../../src/checks/queryShowsLastInventory.ts';
import { validInputAccepted } from '../../src/checks/validInputAccepted.ts';
import { wrongShapeRefusedWith400 } from '../../src/checks/wrongShapeRefusedWith400.ts';
import { exchange, flowCollection, observation, organization, response, schemas } from '../../fixtures/exchanges.ts';

const run = (c: Check, o: Observation) => c.run(o, { schemas });
const passes = (c: Check, o: Observation) => expect(run(c, o), `${c.name} should pass`).toEqual([]);
const fails = (c: Check, o: Observation) => {
  const out = run(c, o);
  expect(Array.isArray(out) && out.length > 0, `${c.name} should report a violation, got ${JSON.stringify(out)}`).toBe(
    true,
  );
};
const query = (inventories: unknown[], extra: Parameters<typeof observation>[2]) =>
  observation(
    'QueryIAM2Organization',
    exchange('QueryIAM2Organization', response(200, { inventories, schema: {} })),
    extra,
  );
const ERROR = { code: 'SYS.1007', description: 'One or more API argument is invalid' };

test('every check added by the properties has a rule, a source and a severity', () => {
  for (const c of [createAppliesSentFields, queryShowsLastInventory, validInputAccepted, wrongShapeRefusedWith400]) {
    expect(c.rule).toMatch(/MUST|SHOULD/);
    expect(c.source.length).toBeGreaterThan(5);
    expect(c.severity === 'advisory').toBe(c.rule.includes('SHOULD'));
  }
});

test.describe('queryShowsLastInventory', () => {
  const org = organization();
  test('passes the same inventory, also in another key order', () => {
    passes(queryShowsLastInventory, query([{ ...org }], { sent: { uuid: org['uuid'] as string }, before: org }));
    passes(
      queryShowsLastInventory,
      query([Object.fromEntries(Object.entries(org).reverse())], {
        sent: { uuid: org['uuid'] as string },
        before: org,
      }),
    );
  });
  test('does not apply to the queries of plain scenarios (no last inventory)', () =>
    expect(run(queryShowsLastInventory, query([org], { sent: { uuid: org['uuid'] as string } }))).toBe(
      'not-applicable',
    ));
  test('fails a changed field and a vanished resource', () => {
    fails(
      queryShowsLastInventory,
      query([{ ...org, state: 'Disabled' }], { sent: { uuid: org['uuid'] as string }, before: org }),
    );
    fails(queryShowsLastInventory, query([], { sent: { uuid: org['uuid'] as string }, before: org }));
  });
});

test.describe('createAppliesSentFields', () => {
  const created = (inv: Record<string, unknown>, sent: Record<string, unknown>, api = 'CreateIAM2Organization') =>
    observation(api, exchange(api, response(200, { inventory: inv }), { async: true }), { sent });
  test('passes Java-trimmed strings, a padded enum value and "TRUE" for a Boolean', () => {
    passes(
      createAppliesSentFields,
      created(organization({ name: 'a b', type: 'Company' }), { name: ' \ta b\n', type: 'Company ' }),
    );
    const coll = flowCollection({ isDefault: true });
    const flow = (coll['flows'] as Array<Record<string, unknown>>)[0];
    passes(
      createAppliesSentFields,
      created(
        coll,
        {
          name: coll['name'],
          projectUuid: coll['projectUuid'],
          isDefault: 'TRUE',
          flows: [{ name: flow['name'], approverUuid: flow['approverUuid'], approverTitle: 'boss' }],
        },
        'CreateIAM2TickFlowCollection',
      ),
    );
  });
  test('does not predict a number sent for a String field (stored as "5.0")', () =>
    passes(createAppliesSentFields, created(organization({ name: '5.0' }), { name: 5 })));
  test('fails a field stored differently from what was sent', () => {
    fails(createAppliesSentFields, created(organization({ name: 'other' }), { name: 'mine' }));
    fails(createAppliesSentFields, created(organization({ name: ' mine' }), { name: ' mine' })); // not trimmed
  });
});

test.describe('validInputAccepted', () => {
  test('passes a success and does not apply to expected rejections', () => {
    passes(
      validInputAccepted,
      observation(
        'ChangeIAM2OrganizationState',
        exchange('x', response(200, { inventory: organization() }), { async: true }),
      ),
    );
    expect(
      run(
        validInputAccepted,
        observation('ChangeIAM2OrganizationState', exchange('x', response(503, { error: ERROR }), { async: true }), {
          expect: { kind: 'api-rejection', code: 'SYS.1007', why: 'x' },
        }),
      ),
    ).toBe('not-applicable');
  });
  test('fails a valid input refused by the API or the REST layer', () => {
    fails(
      validInputAccepted,
      observation('ChangeIAM2OrganizationState', exchange('x', response(503, { error: ERROR }), { async: true })),
    );
    fails(
      validInputAccepted,
      observation(
        'ChangeIAM2OrganizationState',
        exchange('x', response(400, "the body doesn't contain action mapping to the URL")),
      ),
    );
  });
});

test.describe('wrongShapeRefusedWith400', () => {
  const refused = (status: number) =>
    observation(
      'UpdateIAM2TicketFlowCollection',
      exchange('x', response(status, 'com.google.gson.JsonSyntaxException: Expected a string but was BEGIN_OBJECT')),
      { expect: { kind: 'rest-rejection', statuses: [400, 500], why: 'an object for name' } },
    );
  test("passes 400 and reports (advisory) Gson's 500 as real ZStack sends it", () => {
    passes(wrongShapeRefusedWith400, refused(400));
    fails(wrongShapeRefusedWith400, refused(500));
    expect(wrongShapeRefusedWith400.severity).toBe('advisory');
  });
});
