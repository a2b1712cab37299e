// Each fault mode changes only what it claims. A fixed battery of requests runs against the clean reference
// server and against the server with one fault, both with the same clock and seeded uuids, so the two
// transcripts are comparable byte for byte. Every difference must fall in an aspect the fault unit declares
// (`touches`), the fault must make at least one difference, and every aspect it declares must show up (no
// claim broader than the behaviour).
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { listenOnLoopback } from '../../fixtures/loopback.ts';
import { apiPath, loadContracts } from '../../contracts/index.ts';
import { startReferenceServer } from '../../reference-server/server.ts';
import { SWEEP_FAULT_API } from '../../reference-server/faults.ts';
import { FAULT_UNITS, type FaultName } from '../../reference-server/faults/index.ts';
import type { Aspect, RequestKind } from '../../reference-server/faults/types.ts';

test.describe.configure({ mode: 'parallel' });

const T0 = Date.UTC(2024, 4, 3, 10, 0, 0);
const UUID_SEED = 20240503;
const UNKNOWN_SESSION = 'f'.repeat(32);

type Ids = Record<string, string>;
interface Step {
  name: string;
  kinds?: RequestKind[];
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  unknownSession?: boolean;
  /** sent without an Authorization header */
  noAuthorization?: boolean;
  /** the X-Job-UUID to send instead of the step's own */
  jobUuid?: string;
  /** sent with X-Web-Hook: the transcript records what the hook received */
  webHook?: boolean;
  /** names the uuid of the reply's inventory, for later steps */
  creates?: string;
}

const orgAction = (body: unknown) => ({
  method: 'PUT' as const,
  path: (ids: Ids) => `/zstack/v1/iam2/organizations/${ids.org}/actions`,
  body: () => body,
});
const fcUpdate = (fields: Record<string, unknown>) => ({
  method: 'PUT' as const,
  path: (ids: Ids) => `/zstack/v1/tickets/flow-collections/${ids.fc}/actions`,
  body: () => ({ updateIAM2TicketFlowCollection: fields }),
});
const orgQuery = { method: 'GET' as const, path: (ids: Ids) => `/zstack/v1/iam2/organizations/${ids.org}` };

const orgsQuery = (query: string) => ({ method: 'GET' as const, path: () => `/zstack/v1/iam2/organizations?${query}` });
const sweepApi = loadContracts().surface.get(SWEEP_FAULT_API);
const sweepQuery = (query: string) => ({
  method: 'GET' as const,
  path: () => {
    if (!sweepApi) throw new Error(`the contracts' surface has no ${SWEEP_FAULT_API}`);
    return apiPath(sweepApi, {}) + query;
  },
});
/** The X-Job-UUID the step named `name` runs as (each step's own is its 1-based index in hex). */
const jobOf = (name: string): string => (BATTERY.findIndex((s) => s.name === name) + 1).toString(16).padStart(32, '0');
const createOrg = (name: string) => ({
  method: 'POST' as const,
  path: () => '/zstack/v1/iam2/organizations',
  body: () => ({ params: { name, type: 'Company' } }),
});

/** The battery. Steps that only a fault makes succeed come where nothing later reads what they change. */
const BATTERY: Step[] = [
  {
    name: 'unknown session',
    kinds: ['unknown-session'],
    method: 'GET',
    path: () => '/zstack/v1/iam2/organizations',
    unknownSession: true,
  },
  {
    name: 'create organization',
    method: 'POST',
    path: () => '/zstack/v1/iam2/organizations',
    creates: 'org',
    body: () => ({
      params: { name: 'org-a', description: 'first', type: 'Company', attributes: [{ name: 'k', value: 'v' }] },
    }),
  },
  { name: 'create organization b', ...createOrg('org-b') },
  { name: 'query by name in another case', kinds: ['query'], ...orgsQuery('q=name=ORG-A') },
  { name: 'query a NULL field with !=', kinds: ['query'], ...orgsQuery('q=parentUuid!=x') },
  { name: 'query sorted by name ascending', kinds: ['query'], ...orgsQuery('sort=%2Bname') },
  { name: 'query sorted by name descending', kinds: ['query'], ...orgsQuery('sort=-name') },
  { name: 'query the second page', kinds: ['query'], ...orgsQuery('sort=%2Bname&start=1&limit=1') },
  { name: 'query count with a limit', kinds: ['query'], ...orgsQuery('count=true&limit=1') },
  { name: 'query createDate before a non-date', kinds: ['query'], ...orgsQuery('q=createDate%3Cnow') },
  { name: 'query names only', kinds: ['query'], ...orgsQuery('fields=name') },
  { name: 'query with a condition without operator', kinds: ['malformed-query'], ...orgsQuery('q=name') },
  { name: 'query an unknown field', kinds: ['malformed-query'], ...orgsQuery('q=zcNoSuchField=x') },
  {
    name: 'invalid state event',
    kinds: ['invalid-state-event'],
    ...orgAction({ changeIAM2OrganizationState: { stateEvent: 'bogus' } }),
  },
  { name: 'query organization', kinds: ['query'], ...orgQuery },
  { name: 'disable', ...orgAction({ changeIAM2OrganizationState: { stateEvent: 'disable' } }) },
  { name: 'disable again', ...orgAction({ changeIAM2OrganizationState: { stateEvent: 'disable' } }) },
  { name: 'query after disable', kinds: ['query'], ...orgQuery },
  {
    name: 'miscased action key',
    kinds: ['miscased-key'],
    ...orgAction({ ChangeIAM2OrganizationState: { stateEvent: 'disable' } }),
  },
  { name: 'enable', ...orgAction({ changeIAM2OrganizationState: { stateEvent: 'enable' } }) },
  { name: 'query organizations', kinds: ['query'], method: 'GET', path: () => '/zstack/v1/iam2/organizations' },
  {
    name: 'create project',
    method: 'POST',
    path: () => '/zstack/v1/iam2/projects',
    creates: 'project',
    body: () => ({ params: { name: 'proj-a' } }),
  },
  {
    name: 'create virtual id',
    method: 'POST',
    path: () => '/zstack/v1/iam2/virtual-ids',
    creates: 'vid',
    body: (ids) => ({ params: { name: 'vid-a', password: 'pw', projectUuid: ids.project } }),
  },
  {
    name: 'create flow collection',
    method: 'POST',
    path: () => '/zstack/v1/tickets/flow-collections',
    creates: 'fc',
    body: (ids) => ({
      params: {
        projectUuid: ids.project,
        name: 'fc-a',
        description: 'flows',
        flows: [{ name: 'f1', approverUuid: ids.vid }],
      },
    }),
  },
  { name: 'update name only', ...fcUpdate({ name: 'fc-b' }) },
  { name: 'update rejected (over-long description)', ...fcUpdate({ name: 'fc-c', description: 'x'.repeat(2049) }) },
  {
    name: 'query flow collection',
    kinds: ['query'],
    method: 'GET',
    path: (ids) => `/zstack/v1/tickets/flow-collections/${ids.fc}`,
  },
  {
    name: 'query flow collections with isDefault?=true',
    kinds: ['query'],
    method: 'GET',
    path: () => '/zstack/v1/tickets/flow-collections?q=isDefault%3F%3Dtrue',
  },
  { name: 'update with non-ASCII', kinds: ['non-ascii'], ...fcUpdate({ description: 'caf\u00e9' }) },
  { name: 'string given an object', kinds: ['wrong-type'], ...fcUpdate({ name: { a: 1 } }) },
  { name: 'boolean given a word', kinds: ['wrong-type'], ...fcUpdate({ isDefault: 'yes' }) },
  { name: 'delete organization', method: 'DELETE', path: (ids) => `/zstack/v1/iam2/organizations/${ids.org}` },
  {
    name: 'delete organization again',
    kinds: ['repeat-delete'],
    method: 'DELETE',
    path: (ids) => `/zstack/v1/iam2/organizations/${ids.org}`,
  },
  { name: 'query deleted organization', kinds: ['query', 'after-delete'], ...orgQuery },
  {
    name: 'action on deleted organization',
    kinds: ['after-delete'],
    ...orgAction({ changeIAM2OrganizationState: { stateEvent: 'disable' } }),
  },
  { name: 'delete project', method: 'DELETE', path: (ids) => `/zstack/v1/iam2/projects/${ids.project}` },
  {
    name: 'query deleted project',
    kinds: ['query', 'after-delete'],
    method: 'GET',
    path: (ids) => `/zstack/v1/iam2/projects/${ids.project}`,
  },
  {
    name: 'expunge project',
    kinds: ['after-delete'],
    method: 'PUT',
    path: (ids) => `/zstack/v1/iam2/projects/${ids.project}/actions`,
    body: () => ({ expungeIAM2Project: {} }),
  },
  {
    name: 'query expunged project',
    kinds: ['query', 'after-delete'],
    method: 'GET',
    path: (ids) => `/zstack/v1/iam2/projects/${ids.project}`,
  },
  {
    name: 'poll an unknown job',
    kinds: ['unknown-job'],
    method: 'GET',
    path: () => `/zstack/v1/api-jobs/${'e'.repeat(32)}`,
  },
  {
    name: 'DELETE a job address',
    kinds: ['job-wrong-method'],
    method: 'DELETE',
    path: () => `/zstack/v1/api-jobs/${jobOf('create organization')}`,
  },
  // a Query API outside the hand-written family (generated rows: reference-server/generic-queries.ts)
  { name: 'sweep query', kinds: ['query', 'generic-query'], ...sweepQuery('') },
  { name: 'sweep query count with a filter', kinds: ['query', 'generic-query'], ...sweepQuery('?count=true&q=uuid=0') },
  { name: 'sweep query uuids only', kinds: ['query', 'generic-query'], ...sweepQuery('?fields=uuid') },
  { name: 'unknown path', kinds: ['unknown-path'], method: 'GET', path: () => '/zstack/v1/iam2/zc-no-such-api' },
  { name: 'wrong method', kinds: ['wrong-method'], method: 'DELETE', path: () => '/zstack/v1/iam2/organizations' },
  {
    name: 'create without Authorization',
    kinds: ['no-authorization'],
    noAuthorization: true,
    ...createOrg('org-no-auth'),
  },
  {
    name: 'log out without Authorization',
    kinds: ['logout'],
    noAuthorization: true,
    method: 'DELETE',
    path: () => `/zstack/v1/accounts/sessions/${'d'.repeat(32)}`,
  },
  { name: 'create with a web hook', webHook: true, ...createOrg('org-hook') },
  // steps a fault makes create something: last, so no later reply shows it
  {
    name: 'create with an unknown session',
    kinds: ['unknown-session'],
    unknownSession: true,
    ...createOrg('org-unknown-session'),
  },
  {
    name: 'query what the unknown session made',
    kinds: ['unknown-session', 'query'],
    ...orgsQuery('q=name=org-unknown-session'),
  },
  {
    name: 'create with a 31-character X-Job-UUID',
    kinds: ['bad-job-uuid'],
    jobUuid: '1'.repeat(31),
    ...createOrg('org-short-job'),
  },
  { name: 'create repeating a job id', kinds: ['bad-job-uuid'], jobUuid: 'REPEAT', ...createOrg('org-repeat-job') },
];

interface Reply {
  status: number;
  body: unknown;
}
interface Hook {
  success: string | undefined;
  body: unknown;
}
interface Entry {
  step: string;
  kinds: RequestKind[];
  ack?: Reply;
  reply: Reply;
  hook?: Hook | 'none';
}

/** A web-hook receiver on loopback: what each hook path got (the job id is left out: it is the job location's). */
async function hookReceiver(): Promise<{
  url: string;
  waitFor(path: string): Promise<Hook | 'none'>;
  close(): Promise<void>;
}> {
  const got = new Map<string, Hook>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as text
      }
      got.set(req.url ?? '', { success: req.headers['x-job-success'] as string | undefined, body });
      res.end();
    });
  });
  return {
    ...(await listenOnLoopback(server)),
    async waitFor(path) {
      for (let i = 0; i < 40 && !got.has(path); i++) await new Promise((r) => setTimeout(r, 50));
      return got.get(path) ?? 'none';
    },
  };
}

async function send(
  base: string,
  method: string,
  path: string,
  session: string | undefined,
  body: unknown,
  jobUuid: string,
  extra: Record<string, string> = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'X-Job-UUID': jobUuid, ...extra };
  if (session !== undefined) headers.Authorization = `OAuth ${session}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = (await res.text()).split(base).join('<server>');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a REST-layer rejection is plain text
  }
  return { status: res.status, body: parsed };
}

/**
 * Runs the battery; resource uuids come from `ids` (the clean run's, which the seeded server reproduces) so
 * that a fault hiding a uuid does not redirect later steps. Each step's clock is one second after the last;
 * an async call is polled once (the clean server's job is ready at once).
 */
async function runBattery(faults: FaultName[], ids: Ids = {}): Promise<{ transcript: Entry[]; ids: Ids }> {
  let now = T0;
  const server = await startReferenceServer({ faults, clock: () => now, uuidSeed: UUID_SEED });
  const hooks = await hookReceiver();
  try {
    const login = await send(
      server.url,
      'PUT',
      '/zstack/v1/accounts/login',
      undefined,
      { logInByAccount: { accountName: 'admin', password: createHash('sha512').update('password').digest('hex') } },
      '',
    );
    const session = (login.body as { inventory: { uuid: string } }).inventory.uuid;
    const captured: Ids = {};
    const transcript: Entry[] = [{ step: 'login', kinds: [], reply: login }];
    for (const [i, step] of BATTERY.entries()) {
      now += 1000;
      const use = { ...captured, ...ids };
      const jobUuid =
        step.jobUuid === 'REPEAT'
          ? jobOf('create organization')
          : (step.jobUuid ?? (i + 1).toString(16).padStart(32, '0'));
      const hookPath = `/hook/${i}`;
      const first = await send(
        server.url,
        step.method,
        step.path(use),
        step.noAuthorization ? undefined : step.unknownSession ? UNKNOWN_SESSION : session,
        step.body?.(use),
        jobUuid,
        step.webHook ? { 'X-Web-Hook': hooks.url + hookPath } : {},
      );
      const location = (first.body as { location?: unknown } | undefined)?.location;
      const entry: Entry =
        first.status === 202 && typeof location === 'string'
          ? {
              step: step.name,
              kinds: step.kinds ?? [],
              ack: first,
              reply: await send(
                server.url,
                'GET',
                new URL(location.replace('<server>', server.url)).pathname,
                session,
                undefined,
                '',
              ),
            }
          : { step: step.name, kinds: step.kinds ?? [], reply: first };
      if (step.webHook) entry.hook = await hooks.waitFor(hookPath);
      const uuid = (entry.reply.body as { inventory?: { uuid?: unknown } } | undefined)?.inventory?.uuid;
      if (step.creates && typeof uuid === 'string') captured[step.creates] = uuid;
      transcript.push(entry);
    }
    return { transcript, ids: { ...captured, ...ids } };
  } finally {
    await hooks.close();
    await server.close();
  }
}

type Path = (string | number)[];
interface Difference {
  step: Entry;
  cleanStep: Entry;
  path: Path;
  clean: unknown;
  faulty: unknown;
}
const KEY_ORDER = '<key order>';

function diffValues(
  a: unknown,
  b: unknown,
  path: Path,
  out: Array<{ path: Path; clean: unknown; faulty: unknown }>,
): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValues(a[i], b[i], [...path, i], out);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of new Set([...ka, ...kb]))
      diffValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out);
    // member order means something only in the schema map, parents before children
    // (docs/zstack-protocol.md#the-schema-map); elsewhere a JSON object is unordered
    const common = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k)).join();
    if (path[path.length - 1] === 'schema' && common(ka, kb) !== common(kb, ka))
      out.push({ path: [...path, KEY_ORDER], clean: ka, faulty: kb });
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, clean: a, faulty: b });
}

function differences(clean: Entry[], faulty: Entry[]): Difference[] {
  expect(faulty.map((e) => e.step)).toEqual(clean.map((e) => e.step));
  return clean.flatMap((c, i) => {
    const raw: Array<{ path: Path; clean: unknown; faulty: unknown }> = [];
    diffValues(
      { ack: c.ack, reply: c.reply, hook: c.hook },
      { ack: faulty[i].ack, reply: faulty[i].reply, hook: faulty[i].hook },
      [],
      raw,
    );
    return raw.map((d) => ({ ...d, step: faulty[i], cleanStep: c }));
  });
}

const JAVA8_TIMESTAMP = /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/;

/** What each aspect covers in a transcript difference (path: ack|reply, status|body, ...). */
function inAspect(aspect: Aspect, d: Difference): boolean {
  const [part, section, member, ...rest] = d.path;
  const [kind, arg] = aspect.split(':') as [string, string | undefined];
  switch (kind) {
    case 'field': {
      // a web hook carries the job's result: the same inventory as the reply
      if ((part !== 'reply' && part !== 'hook') || section !== 'body') return false;
      // the member of an inventory: inventory.<f> or inventories[i].<f>
      const field = member === 'inventory' ? rest[0] : member === 'inventories' ? rest[1] : undefined;
      return field === arg;
    }
    case 'member':
      return section === 'body' && member === arg;
    case 'request':
      return d.step.kinds.includes(arg as RequestKind);
    case 'failed-replies':
      return part === 'reply' && d.cleanStep.reply.status >= 400;
    case 'timestamp-format': {
      // any member a timestamp (the generic queries' rows have them under many names: lastAttachDate, ...)
      const last = d.path[d.path.length - 1];
      return (
        typeof last === 'string' &&
        typeof d.clean === 'string' &&
        JAVA8_TIMESTAMP.test(d.clean) &&
        typeof d.faulty === 'string' &&
        !JAVA8_TIMESTAMP.test(d.faulty)
      );
    }
    case 'job-location':
      return part === 'ack' && section === 'body' && member === 'location';
    case 'job-result':
      return (part === 'reply' && d.cleanStep.ack !== undefined) || part === 'hook';
    case 'async-reply':
      return part === 'ack' || part === 'hook';
    case 'web-hook':
      return part === 'hook';
    default:
      throw new Error(`aspect ${aspect} has no meaning in this test`);
  }
}

const describe = (d: Difference) =>
  `${d.step.step}: ${d.path.join('.')} ${JSON.stringify(d.clean)} -> ${JSON.stringify(d.faulty)}`;

let cleanRun: Promise<{ transcript: Entry[]; ids: Ids }> | undefined;
const clean = () => (cleanRun ??= runBattery([]));

test('the battery is reproducible: two clean runs agree byte for byte', async () => {
  const a = await clean();
  const b = await runBattery([], a.ids);
  expect(differences(a.transcript, b.transcript).map(describe)).toEqual([]);
  // and it exercises what the faults need: every step answered, some failures, some async jobs
  expect(a.transcript.filter((e) => e.reply.status >= 400).length).toBeGreaterThan(3);
  expect(a.transcript.filter((e) => e.ack).length).toBeGreaterThan(5);
});

test('the comparison catches a fault that claims less than it changes', async () => {
  const { transcript, ids } = await clean();
  const faulty = await runBattery(['state-not-changed'], ids);
  const diffs = differences(transcript, faulty.transcript);
  expect(diffs.filter((d) => !inAspect('field:state', d)).map(describe)).not.toEqual([]);
});

for (const unit of FAULT_UNITS) {
  test(`${unit.name} changes only ${unit.touches.join(', ')}`, async () => {
    const { transcript, ids } = await clean();
    const faulty = await runBattery([unit.name], ids);
    const diffs = differences(transcript, faulty.transcript);
    expect(diffs.length, 'the fault changes nothing in the battery').toBeGreaterThan(0);
    const unexplained = diffs.filter((d) => !unit.touches.some((a) => inAspect(a, d)));
    expect(unexplained.map(describe), 'differences outside the declared aspects').toEqual([]);
    const unused = unit.touches.filter((a) => !diffs.some((d) => inAspect(a, d)));
    expect(unused, 'declared aspects the battery never sees changed').toEqual([]);
  });
}
