// What a pact interaction is (InteractionSpec) and the parts every interaction is built of: the placeholder
// session, the provider-state paths, the 202 of an async call and the poll of the example job. Shared by the
// hand-written interactions (interactions.ts) and the ones derived from the descriptors (derived-interactions.ts).
import { MatchersV3 } from '@pact-foundation/pact';
import type { ApiDescriptor } from '../../contracts/index.ts';
import type { WireResponse } from '../exchange/exchange.ts';
import { pollJob } from '../client/jobs.ts';
import type { Transport } from '../client/transport.ts';
import type { ZStackClient } from '../client/zstack-client.ts';
import { EXAMPLE_UUID } from './matchers.ts';
import type { StateName } from './states.ts';

const { regex, fromProviderState } = MatchersV3;

export type Path = string | ReturnType<typeof fromProviderState<string>>;
export type StateParams = Record<string, string | boolean>;

/** The session the consumer side sends; the verifier's request filter swaps it for a real one. */
export const PLACEHOLDER_SESSION = '0'.repeat(32);
/** A session no server issued: the documented ID.1001 case. Never swapped. */
export const UNKNOWN_SESSION = 'f'.repeat(32);
export const PLACEHOLDER_PASSWORD_HASH = '0'.repeat(128);
export const EXAMPLE_JOB_UUID = '3f6e1c0a9b8d4e2fa1c7d5b4e3f2a190';
/**
 * The location's host is the server's own idea of its name (docs/zstack-protocol.md#sync-and-async-jobs): only the path
 * is asserted.
 */
export const JOB_LOCATION_PATTERN = '^(https?://[^/\\s]+)?\\S*/zstack/v1/api-jobs/[0-9a-f]{32}$';

export interface ExerciseContext {
  /** a client on the mock server; its session is the placeholder */
  zs: ZStackClient;
  transport: Transport;
  mockUrl: string;
}

export interface InteractionSpec {
  api: string;
  /** call: the first answer of an async API; job: the poll of its finished job; sync: a sync API */
  kind: 'call' | 'job' | 'sync';
  description: string;
  states: Array<{ name: StateName; params?: StateParams }>;
  request: { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; path: Path; headers?: Record<string, unknown>; body?: unknown };
  response: { status: number; body?: unknown };
  /** makes the request with the real client against the mock and returns the final answer */
  exercise(ctx: ExerciseContext): Promise<WireResponse>;
}

export const authorization = (example = PLACEHOLDER_SESSION): Record<string, unknown> => ({
  Authorization: regex('^OAuth [0-9a-f]{32}$', `OAuth ${example}`),
});

/** A path whose {uuid} comes from the provider state (fromProviderState), with an example for the mock. */
export function statePath(api: ApiDescriptor, example = EXAMPLE_UUID, withUuid = false): Path {
  const template = '/zstack' + (withUuid && api.pathWithUuid ? api.pathWithUuid : api.path);
  return fromProviderState(
    template.replace(/\{(\w+)\}/g, (_, n: string) => '${' + n + '}'),
    template.replace(/\{(\w+)\}/g, example),
  );
}

export const jobPath = (): Path =>
  fromProviderState('/zstack/v1/api-jobs/${jobUuid}', `/zstack/v1/api-jobs/${EXAMPLE_JOB_UUID}`);

export const accepted = {
  status: 202,
  body: {
    location: regex(JOB_LOCATION_PATTERN, `http://zstack-mn.internal:8080/zstack/v1/api-jobs/${EXAMPLE_JOB_UUID}`),
  },
};

/** Polls the example job through the client's own polling code, as after a 202 whose location names another host. */
export async function pollExampleJob({ transport, mockUrl }: ExerciseContext): Promise<WireResponse> {
  const location = `http://zstack-mn.internal:8080/zstack/v1/api-jobs/${EXAMPLE_JOB_UUID}`;
  const hop = {
    request: { method: 'PUT', url: `${mockUrl}/zstack/v1/x`, headers: {} },
    response: { status: 202, headers: {}, text: JSON.stringify({ location }), json: { location }, durationMs: 0 },
  };
  const hops = await pollJob(transport, hop, {
    baseUrl: mockUrl,
    headers: { Authorization: `OAuth ${PLACEHOLDER_SESSION}` },
    timeoutMs: 5_000,
    intervalMs: 100,
  });
  return hops[hops.length - 1].response;
}
