// The suite's web-hook receiver: a node:http server on 127.0.0.1 that records every request it gets, one
// unguessable path per call, so a delivery is matched to its call whatever headers the target sends. The
// path's token is registered as a secret: reports show it redacted.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebHookDelivery } from '../exchange/observation.ts';
import { registerSecret } from '../reporting/redact.ts';

const MAX_BODY = 1024 * 1024;

interface Waiter {
  resolve: () => void;
}

export class WebHookReceiver {
  private readonly deliveries = new Map<string, WebHookDelivery[]>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly started = new Map<string, number>();
  private readonly token = randomBytes(12).toString('hex');
  private counter = 0;

  private constructor(
    private readonly server: Server,
    private readonly base: string,
  ) {
    registerSecret(this.token);
  }

  /**
   * Listens on 127.0.0.1: at a free port when `base` is 'loopback', else at the port of `base` (the URL the
   * target reaches the receiver at, e.g. through a forwarded port).
   */
  static async start(base: string): Promise<WebHookReceiver> {
    const port = base === 'loopback' ? 0 : Number(new URL(base).port || (base.startsWith('https:') ? 443 : 80));
    let receiver: WebHookReceiver | undefined;
    const server = createServer((req, res) => {
      void receiver?.record(req).finally(() => {
        res.writeHead(200, { 'Content-Length': '0' });
        res.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const actual = (server.address() as AddressInfo).port;
    receiver = new WebHookReceiver(
      server,
      base === 'loopback' ? `http://127.0.0.1:${actual}` : base.replace(/\/+$/, ''),
    );
    return receiver;
  }

  /** A fresh hook URL for one call. */
  newHook(): { url: string; id: string } {
    const id = String(++this.counter);
    return { url: `${this.base}/zc-hook/${this.token}/${id}`, id };
  }

  /** Marks when the call for hook `id` was answered (deliveries report their delay from it). */
  callAnswered(id: string): void {
    this.started.set(id, Date.now());
  }

  /** The deliveries for hook `id`, waiting up to `timeoutMs` for the first one. */
  async waitFor(id: string, timeoutMs: number): Promise<WebHookDelivery[]> {
    if (!this.deliveries.has(id)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const list = this.waiters.get(id) ?? [];
        list.push({
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        this.waiters.set(id, list);
      });
    }
    return this.deliveries.get(id) ?? [];
  }

  async close(): Promise<void> {
    for (const list of this.waiters.values()) for (const w of list) w.resolve();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async record(req: IncomingMessage): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req as AsyncIterable<Buffer>) {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    }
    const m = /^\/zc-hook\/([0-9a-f]+)\/(\d+)$/.exec(
      new URL(req.url ?? '/', 'http://x').pathname.replace(/^.*(?=\/zc-hook\/)/, ''),
    );
    if (!m || m[1] !== this.token) return;
    const id = m[2];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const delivery: WebHookDelivery = {
      method: req.method ?? '?',
      headers,
      text: Buffer.concat(chunks).toString('utf8'),
      afterMs: Date.now() - (this.started.get(id) ?? Date.now()),
    };
    const list = this.deliveries.get(id) ?? [];
    list.push(delivery);
    this.deliveries.set(id, list);
    for (const w of this.waiters.get(id) ?? []) w.resolve();
    this.waiters.delete(id);
  }
}
