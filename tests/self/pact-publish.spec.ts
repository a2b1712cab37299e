// Self-test of `npm run pact:publish` (scripts/pact-publish.ts): against a local HTTP server that records what a
// Pact Broker would receive, it sends the pacts with the consumer version, branch and credentials from the
// environment; a broker that refuses gives one clear line and a non-zero exit; no secret is ever printed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { listenOnLoopback } from '../../fixtures/loopback.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 30_000 });

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = (r: Recorded) => { status: number; body?: unknown };

async function broker(reply: Reply): Promise<{ url: string; seen: Recorded[]; close(): Promise<void> }> {
  const seen: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(r);
      const { status, body } = reply(r);
      res.writeHead(status, { 'Content-Type': 'application/hal+json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  return { ...(await listenOnLoopback(server)), seen };
}

const PACT = {
  consumer: { name: 'zstack-conformance' },
  provider: { name: 'zstack' },
  interactions: [],
  metadata: { pactSpecification: { version: '4.0' } },
};
const TOKEN = 'pact-self-test-token-3f9a';
const PASSWORD = 'pact-self-test-broker-pw';
let dir: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zc-pact-publish-'));
  writeFileSync(join(dir, 'zstack-conformance-zstack.json'), JSON.stringify(PACT));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function publish(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  // only the variables given here (and PATH): nothing from the developer's .env or shell
  const clean: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    ZSTACK_ENV_FILE: join(dir, 'no.env'),
    ZSTACK_PACT_DIR: dir,
    ...env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/pact-publish.ts'],
      { env: clean, timeout: 20_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

test("pact:publish sends the pacts, version and branch to the broker's publish endpoint with the token", async () => {
  const b = await broker(() => ({
    status: 200,
    body: { notices: [{ type: 'success', text: 'Created zstack-conformance version 1.2.3' }] },
  }));
  try {
    const r = await publish({
      ZSTACK_BROKER_URL: b.url + '/',
      ZSTACK_BROKER_TOKEN: TOKEN,
      ZSTACK_PACT_CONSUMER_VERSION: '1.2.3',
      ZSTACK_PACT_BRANCH: 'main',
      ZSTACK_PACT_TAGS: 'dev, ci',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(b.seen).toHaveLength(1);
    const [req] = b.seen;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/contracts/publish');
    expect(req.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toContain('application/json');
    const body = JSON.parse(req.body) as {
      pacticipantName: string;
      pacticipantVersionNumber: string;
      branch: string;
      tags: string[];
      contracts: Array<Record<string, string>>;
    };
    expect(body).toMatchObject({
      pacticipantName: 'zstack-conformance',
      pacticipantVersionNumber: '1.2.3',
      branch: 'main',
      tags: ['dev', 'ci'],
    });
    expect(body.contracts).toHaveLength(1);
    expect(body.contracts[0]).toMatchObject({
      consumerName: 'zstack-conformance',
      providerName: 'zstack',
      specification: 'pact',
      contentType: 'application/json',
    });
    expect(JSON.parse(Buffer.from(body.contracts[0]['content'], 'base64').toString('utf8'))).toEqual(PACT);
    expect(r.stdout).toContain('published zstack-conformance -> zstack version 1.2.3 branch main');
    expect(r.stdout).toContain('broker: Created zstack-conformance version 1.2.3');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  } finally {
    await b.close();
  }
});

test('pact:publish uses basic auth and falls back to the classic pacts API on an older broker', async () => {
  const b = await broker((r) => ({ status: r.url === '/contracts/publish' ? 404 : 201, body: {} }));
  try {
    const r = await publish({
      ZSTACK_BROKER_URL: b.url,
      ZSTACK_BROKER_USERNAME: 'ci',
      ZSTACK_BROKER_PASSWORD: PASSWORD,
      ZSTACK_PACT_CONSUMER_VERSION: 'abc123',
      ZSTACK_PACT_BRANCH: 'feat/x',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(b.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /contracts/publish',
      'PUT /pacts/provider/zstack/consumer/zstack-conformance/version/abc123',
      'PUT /pacticipants/zstack-conformance/branches/feat%2Fx/versions/abc123',
    ]);
    expect(b.seen[1].headers['authorization']).toBe(`Basic ${Buffer.from(`ci:${PASSWORD}`).toString('base64')}`);
    expect(JSON.parse(b.seen[1].body)).toEqual(PACT);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  } finally {
    await b.close();
  }
});

test('pact:publish reports a broker that refuses in one line, exit code 1, without the token', async () => {
  const b = await broker(() => ({ status: 401, body: { errors: ['Unauthorized'] } }));
  try {
    const r = await publish({
      ZSTACK_BROKER_URL: b.url,
      ZSTACK_BROKER_TOKEN: TOKEN,
      ZSTACK_PACT_CONSUMER_VERSION: '1.2.3',
    });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^pact:publish: the broker refused the pacts: HTTP 401 for POST http:\/\/127\.0\.0\.1:\d+\/contracts\/publish \(check ZSTACK_BROKER_TOKEN/,
    );
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  } finally {
    await b.close();
  }
});

test('pact:publish names a missing setting and exits 2 before sending anything', async () => {
  const r = await publish({ ZSTACK_PACT_CONSUMER_VERSION: '1.2.3' });
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toBe(
    'pact:publish: configuration error: ZSTACK_BROKER_URL: required: the Pact Broker or PactFlow address, e.g. https://example.pactflow.io',
  );
});
