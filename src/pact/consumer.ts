// Writes the consumer pacts: each InteractionSpec becomes one PactV4 interaction, exercised by the real
// client against the Pact mock server. Used by tests/pact/consumer.spec.ts (one test per interaction) and by
// the self-tests (all at once, into a temporary directory).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import type { Contracts } from '../../contracts/index.ts';
import { readConfig } from '../config.ts';
import { Transport } from '../client/transport.ts';
import { ZStackClient } from '../client/zstack-client.ts';
import { CONSUMER, PROVIDER, pactFile, quietPact } from './names.ts';
import { PLACEHOLDER_SESSION, type InteractionSpec } from './interaction-spec.ts';
import { buildInteractions } from './interactions.ts';

export interface ConsumerSide {
  pact: PactV4;
  contracts: Contracts;
  dir: string;
  close(): Promise<void>;
}

/** A fresh pact (the old file removed, so no stale interaction survives). */
export async function openConsumer(contracts: Contracts, dir: string): Promise<ConsumerSide> {
  quietPact();
  rmSync(pactFile(dir), { force: true });
  const pact = new PactV4({
    consumer: CONSUMER,
    provider: PROVIDER,
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'error',
  });
  return { pact, contracts, dir, close: async () => undefined };
}

const MOCK_SETTLE_MS = 50;

/** A client on the mock server, configured with placeholders only: no real password or session can reach a pact. */
function mockClient(side: ConsumerSide, mockUrl: string): { zs: ZStackClient; transport: Transport } {
  const config = readConfig({
    ZSTACK_BASE_URL: mockUrl,
    ZSTACK_PASSWORD: 'pact-consumer-placeholder',
    ZSTACK_RUN_ID: 'pact',
    ZSTACK_REQUEST_TIMEOUT_MS: '5000',
    ZSTACK_JOB_TIMEOUT_MS: '5000',
  });
  const transport = new Transport({ timeoutMs: config.requestTimeoutMs, maxResponseBytes: config.maxResponseBytes });
  const zs = new ZStackClient(transport, config, side.contracts);
  zs.session = PLACEHOLDER_SESSION;
  return { zs, transport };
}

/** Adds one interaction and runs the client against it; throws when the client's request or the answer disagree. */
export async function runInteraction(side: ConsumerSide, spec: InteractionSpec): Promise<void> {
  let i = side.pact.addInteraction();
  for (const s of spec.states) i = i.given(s.name, s.params);
  const { method, path, headers, body } = spec.request;
  // pact-js reports the mock's mismatches ahead of the test function's own error: keep that error to say why
  let clientError: unknown;
  await i
    .uponReceiving(spec.description)
    .withRequest(method, path, (b) => {
      if (headers) b.headers(headers as never);
      if (body !== undefined) b.jsonBody(body);
    })
    .willRespondWith(spec.response.status, (b) => {
      if (spec.response.body !== undefined) b.jsonBody(spec.response.body);
    })
    .executeTest(async (mock) => {
      // A new transport per interaction, so that no kept-alive connection outlives its mock server.
      const { zs, transport } = mockClient(side, mock.url);
      try {
        const answer = await spec.exercise({ zs, transport, mockUrl: mock.url });
        if (answer.status !== spec.response.status) {
          throw new Error(
            `${spec.description}: the client got HTTP ${answer.status} from the mock, expected ${spec.response.status}`,
          );
        }
        // The mock server records a match only after it has answered; on a busy machine pact-core may ask for
        // the mismatches before that record exists ("expected but not received"): give it a moment.
        await new Promise((r) => setTimeout(r, MOCK_SETTLE_MS));
      } catch (e) {
        clientError = e;
        throw e;
      } finally {
        transport.close();
      }
    })
    .catch((e: unknown) => {
      if (clientError === undefined) throw e;
      const why = clientError instanceof Error ? clientError.message : String(clientError);
      throw new Error(
        `${spec.description}: the client failed against the mock: ${why}\n${e instanceof Error ? e.message : String(e)}`,
      );
    });
}

/** All interactions, one after the other, into `dir`; returns the pact file's path. */
export async function generatePacts(contracts: Contracts, dir: string, targetVersion = '5.0.0'): Promise<string> {
  const side = await openConsumer(contracts, dir);
  try {
    for (const spec of buildInteractions(contracts, targetVersion)) await runInteraction(side, spec);
  } finally {
    await side.close();
  }
  finishPact(dir);
  return pactFile(dir);
}

/**
 * pact-js records `Content-Type: application/json` as an expected response header of every JSON body, but
 * real ZStack often sends no Content-Type at all (docs/zstack-protocol.md#content-type): the header is removed
 * from the expected responses, leaving the body's own contentType (the verifier then detects JSON from the
 * body). The file stays a standard Pact v4 file. Returns the number of interactions.
 */
export function finishPact(dir: string): number {
  const file = pactFile(dir);
  const pact = JSON.parse(readFileSync(file, 'utf8')) as {
    interactions: Array<{ response?: { headers?: Record<string, unknown> } }>;
  };
  for (const i of pact.interactions) {
    const headers = i.response?.headers;
    if (!headers) continue;
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
    if (Object.keys(headers).length === 0) delete i.response?.headers;
  }
  writeFileSync(file, JSON.stringify(pact, null, 2) + '\n');
  return pact.interactions.length;
}
