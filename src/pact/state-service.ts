// The provider states over HTTP, for any Pact verifier (pact-verifier's --state-change-url, pact-jvm's
// stateChangeUrl, ...): the same handlers as our own verification (state-handlers.ts, on the ResourceKit), so a
// vendor can verify the suite's pacts with the tool of their choice against their server.
// Protocol (Pact's state change request): POST {"state": "...", "params": {...}, "action": "setup"|"teardown"}.
// setup answers 200 with the values the pact reads through fromProviderState; teardown deletes what the
// interaction's states created (pass --state-change-teardown; without it cleanup happens when the service stops).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redact } from '../reporting/redact.ts';
import type { ProviderStates } from './state-handlers.ts';

export interface StateService {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error(`state change request over ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startStateService(
  states: ProviderStates,
  opts: { port?: number; log?: (line: string) => void } = {},
): Promise<StateService> {
  const handlers = states.handlers();
  const log = opts.log ?? (() => undefined);
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST a state change: {"state", "params", "action"}' });
      let msg: { state?: unknown; params?: unknown; action?: unknown };
      try {
        msg = JSON.parse((await readBody(req)) || '{}') as typeof msg;
      } catch (e) {
        return send(res, 400, { error: `not a JSON state change: ${e instanceof Error ? e.message : String(e)}` });
      }
      const action = msg.action ?? 'setup';
      if (action === 'teardown') {
        await states.cleanup();
        log(`teardown: ${String(msg.state)}`);
        return send(res, 200, {});
      }
      if (action !== 'setup')
        return send(res, 400, { error: `unknown action ${JSON.stringify(action)}: setup or teardown` });
      const name = typeof msg.state === 'string' ? msg.state : '';
      const handler = handlers[name];
      if (!handler)
        return send(res, 400, {
          error: `unknown provider state "${name}"; known: ${Object.keys(handlers).join(' | ')}`,
        });
      try {
        const result = (await handler(msg.params ?? {})) ?? {};
        log(`setup: ${name}`);
        return send(res, 200, result);
      } catch (e) {
        const error = redact(e instanceof Error ? e.message : String(e));
        log(`setup failed: ${name}: ${error}`);
        return send(res, 500, { error });
      }
    })().catch((e: unknown) => send(res, 500, { error: redact(String(e)) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await states.close().catch(() => undefined);
    },
  };
}
