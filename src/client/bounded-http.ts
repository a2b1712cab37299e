// One HTTP request over Node's own http/https with hard bounds a hostile endpoint cannot stretch: a single
// deadline from connect to the last byte (a body that drips a byte at a time ends there), a byte cap read
// as a stream (a huge body is cut at the cap and the connection dropped, never buffered whole), no
// redirects (a 3xx is an answer; the session never follows it to another host), and TLS verified against
// the system CAs plus an optional CA file, unless the user opts out explicitly.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

export interface BoundedHttpOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** PEM text of extra trusted CAs (ZSTACK_CA_FILE) */
  ca?: string;
  /** ZSTACK_TLS_INSECURE: accept any certificate */
  insecure?: boolean;
  maxSockets?: number;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
}

/** A reply whose headers came but whose body was still arriving at the deadline (a drip, or a stall mid-body). */
export interface BodyStall {
  /** body bytes received before the deadline */
  bytes: number;
  timeoutMs: number;
}

/** A failure with a one-line reason a reader can act on (the caller adds method and URL). */
export class HttpFailure extends Error {
  constructor(
    reason: string,
    readonly stall?: BodyStall,
  ) {
    super(reason);
    this.name = 'HttpFailure';
  }
}

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the certificate's issuer is not trusted",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the certificate's issuer is not trusted",
  CERT_HAS_EXPIRED: 'the certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host',
};

function explain(e: NodeJS.ErrnoException, received: number, timeoutMs: number, headersCame: boolean): string {
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused (is the endpoint running and ZSTACK_BASE_URL right?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found (check ZSTACK_BASE_URL)';
  if (code === 'DEADLINE') {
    return headersCame
      ? `the body was still arriving after ${timeoutMs} ms (${received} bytes so far; ZSTACK_REQUEST_TIMEOUT_MS)`
      : `no answer within ${timeoutMs} ms (ZSTACK_REQUEST_TIMEOUT_MS)`;
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up|aborted/i.test(e.message)) {
    return received > 0
      ? `connection reset by the endpoint in the middle of the body (after ${received} bytes)`
      : 'connection reset by the endpoint';
  }
  if (TLS_CODES[code])
    return `TLS refused: ${TLS_CODES[code]} (trust its CA with ZSTACK_CA_FILE, or opt out with ZSTACK_TLS_INSECURE=true)`;
  if (/certificate|SSL|TLS/i.test(`${code} ${e.message}`)) return `TLS error: ${e.message.split('\n')[0]}`;
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) return `not an HTTP answer (${code})`;
  return e.message.split('\n')[0] || code || 'request failed';
}

export class BoundedHttp {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly opts: BoundedHttpOptions) {
    const maxSockets = opts.maxSockets ?? 64;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets,
      rejectUnauthorized: !opts.insecure,
      // a CA file adds to the usual roots instead of replacing them
      ...(opts.ca ? { ca: [...tls.rootCertificates, opts.ca] } : {}),
    });
  }

  request(req: RawRequest): Promise<RawResponse> {
    const { timeoutMs, maxResponseBytes } = this.opts;
    const url = new URL(req.url);
    const isHttps = url.protocol === 'https:';
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { 'accept-encoding': 'identity', ...req.headers };
    if (body !== undefined) headers['content-length'] = String(body.length);
    return new Promise<RawResponse>((resolve, reject) => {
      let received = 0;
      let headersCame = false;
      let settled = false;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        f();
      };
      const fail = (e: NodeJS.ErrnoException) =>
        finish(() =>
          reject(
            new HttpFailure(
              explain(e, received, timeoutMs, headersCame),
              e.code === 'DEADLINE' && headersCame ? { bytes: received, timeoutMs } : undefined,
            ),
          ),
        );
      const request = (isHttps ? https : http).request(
        url,
        { method: req.method, headers, agent: isHttps ? this.httpsAgent : this.httpAgent },
        (res) => {
          headersCame = true;
          const chunks: Buffer[] = [];
          const done = (truncated: boolean) => {
            const headerMap: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) headerMap[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
            finish(() =>
              resolve({ status: res.statusCode ?? 0, headers: headerMap, body: Buffer.concat(chunks), truncated }),
            );
          };
          res.on('data', (chunk: Buffer) => {
            if (settled) return;
            const room = maxResponseBytes - received;
            received += chunk.length;
            if (chunk.length > room) {
              // cut at the cap and drop the connection: the rest is never read
              chunks.push(chunk.subarray(0, Math.max(0, room)));
              done(true);
              res.destroy();
              request.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => done(false));
          res.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
          res.on('error', (e) => fail(e));
        },
      );
      const timer = setTimeout(() => {
        fail(Object.assign(new Error('deadline'), { code: 'DEADLINE' }));
        request.destroy();
      }, timeoutMs);
      request.on('error', (e) => fail(e));
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
