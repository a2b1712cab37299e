// The generators (src/generators) against the contracts they are derived from: valid bodies satisfy each
// API's request schema once Java-trimmed, stay in the BMP, and keep required names non-empty; invalid cases
// are invalid in exactly the labelled way; the replay encoding round-trips fast-check's commands replayPath.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { contracts, schemas } from '../../fixtures/exchanges.ts';
import { requestBodySchema } from '../../src/contract-model/request-schema.ts';
import { invalidCase } from '../../src/generators/invalid.ts';
import { validBody } from '../../src/generators/params.ts';
import { resolve, type SlotEnv } from '../../src/generators/slots.ts';
import { javaTrim } from '../../src/contract-model/java-text.ts';
import { actionApis, resourceProfiles } from '../../src/properties/targets.ts';
import {
  decodeReplay,
  encodeReplay,
  parseCommandsReplayPath,
  stringifyCommandsReplayPath,
} from '../../src/properties/replay.ts';

const UUID = '0123456789abcdef0123456789abcdef';
const env: SlotEnv = { prefix: (l) => `zc-run1-${l}-1`, ref: () => UUID };
const profiles = resourceProfiles(contracts);
const generatedApis = [...profiles.map((p) => p.create), ...actionApis(profiles)];

/** A body as a conformant server stores it: top-level strings Java-trimmed, Boolean strings parsed. */
function stored(api: string, params: Record<string, unknown>): Record<string, unknown> {
  const spec = contracts.apis.get(api)?.params ?? {};
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      spec[k]?.type === 'boolean' && typeof v === 'string'
        ? v.toLowerCase() === 'true'
        : typeof v === 'string'
          ? javaTrim(v)
          : v,
    ]),
  );
}

const textOf = (v: unknown): string => JSON.stringify(v);

test('the properties cover every resource the descriptors let them create, query by uuid, delete and change', () => {
  // Read from the descriptors directly: a resource with a state event or an update is covered exactly when it
  // also has a create, a query by uuid and a (hard) delete; all its state events and updates are varied.
  const all = [...contracts.apis.values()];
  const changes = all.filter(
    (a) => a.kind === 'action' && (a.effect?.kind === 'stateEvent' || a.effect?.kind === 'update'),
  );
  const has = (resource: string, f: (a: (typeof all)[number]) => boolean) =>
    all.some((a) => a.resource === resource && f(a));
  const coverable = [...new Set(changes.map((a) => a.resource))].filter(
    (r) =>
      has(r, (a) => a.kind === 'create') &&
      has(r, (a) => a.kind === 'query' && a.pathWithUuid !== undefined) &&
      has(r, (a) => a.kind === 'delete' && !a.effect?.softDelete),
  );
  expect(coverable.length, 'the contracts describe no resource the properties can cover').toBeGreaterThan(0);
  expect(profiles.map((p) => p.resource).sort()).toEqual(coverable.sort());
  expect(
    actionApis(profiles)
      .map((a) => a.name)
      .sort(),
  ).toEqual(
    changes
      .filter((a) => coverable.includes(a.resource))
      .map((a) => a.name)
      .sort(),
  );
  // both kinds of change are exercised, so each negative-data path has something to vary
  expect(actionApis(profiles).some((a) => a.effect?.kind === 'stateEvent')).toBe(true);
  expect(actionApis(profiles).some((a) => a.effect?.kind === 'update')).toBe(true);
});

for (const api of generatedApis) {
  test(`valid bodies of ${api.name} satisfy its request schema once trimmed, BMP only, names non-empty`, () => {
    const validate = schemas.compileInline(requestBodySchema(api) ?? {});
    fc.assert(
      fc.property(validBody(contracts, api), (template) => {
        const params = resolve(template, env) as Record<string, unknown>;
        const body = { [api.bodyKey as string]: stored(api.name, params) };
        expect(validate(body), `${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(textOf(params)).not.toMatch(/[\ud800-\udfff]|\\u0000/);
        if (typeof params['name'] === 'string') expect(javaTrim(params['name']).startsWith('zc-run1-')).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
}

for (const api of actionApis(profiles)) {
  test(`invalid cases of ${api.name} are invalid in the labelled way`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(invalidCase(contracts, api), (c) => {
        seen.add(c.klass);
        const params = resolve(c.params, env) as Record<string, unknown>;
        if (c.expect.kind === 'rest-rejection')
          expect(c.expect.statuses.every((s) => s === 400 || s === 500)).toBe(true);
        if (c.label.includes('characters once trimmed')) {
          const [name] = c.label.split(' ');
          expect(javaTrim(params[name] as string).length).toBeGreaterThan(api.params[name].maxLength as number);
        }
        if (c.label.includes('(not one of')) {
          const name = c.label.split(' ')[0];
          expect((api.params[name].enum ?? []).map((v) => v.toLowerCase())).not.toContain(
            javaTrim(String(params[name])).toLowerCase(),
          );
        }
        if (c.label.includes('(not a boolean)'))
          expect(
            String(
              Object.values(params).find((v) => typeof v !== 'boolean' && !/^(true|false)$/i.test(String(v))) ?? 'true',
            ),
          ).not.toMatch(/^(true|false)$/i);
      }),
      { numRuns: 300, seed: 11 },
    );
    expect([...seen].sort()).toEqual(['api', 'rest-layer', 'session']);
  });
}

test('ZSTACK_REPLAY_PATH carries the commands replayPath through digits and back', () => {
  fc.assert(
    fc.property(
      fc.array(fc.boolean(), { maxLength: 300 }),
      fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }),
      (bits, path) => {
        const text = stringifyCommandsReplayPath(bits);
        expect(parseCommandsReplayPath(text).slice(0, bits.length)).toEqual(bits);
        const encoded = encodeReplay({ path: path.join(':'), commandsReplayPath: text });
        expect(encoded).toMatch(/^[0-9:]+$/); // what ZSTACK_REPLAY_PATH accepts (src/config.ts)
        const back = decodeReplay(encoded);
        expect(back.path).toBe(path.join(':'));
        expect(parseCommandsReplayPath(back.commandsReplayPath ?? '')).toEqual(
          parseCommandsReplayPath(text).slice(0, bits.length),
        );
      },
    ),
    { numRuns: 200, seed: 3 },
  );
  expect(decodeReplay('4:1:0')).toEqual({ path: '4:1:0' });
});
