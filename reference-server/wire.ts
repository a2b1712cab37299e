// Bytes on the wire: reading bodies (size cap), writing plain-text and JSON replies (no Content-Type by
// default, nulls omitted as Gson does), and the REST layer's JSON type verification and trimming.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParamSpec } from '../contracts/index.ts';
import type { ServerContext } from './context.ts';
import type { ParamVerdict } from './hooks.ts';
import { RestError } from './errors.ts';
import { resolveRef } from './schema-map.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(new RestError(413, `request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(e);
      }
    });
  });
}

/** Plain-text reply: REST-layer errors carry no Content-Type (docs/zstack-protocol.md#content-type). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const buf = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Length': String(buf.length) });
  res.end(buf);
}

/** Deep copy without null/undefined members (Gson without serializeNulls). */
export function stripNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = stripNulls(x);
    return out;
  }
  return v;
}

/** JSON reply with nulls omitted; `nullError` adds `"error": null` (variant explicitNullError). */
export function sendJson(
  ctx: ServerContext,
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  nullError = false,
): void {
  const out = stripNulls(body) as Record<string, unknown>;
  if (nullError && !('error' in out)) out.error = null;
  const buf = Buffer.from(JSON.stringify(out), 'utf8');
  const headers: Record<string, string> = { 'Content-Length': String(buf.length) };
  if (ctx.variant.contentType === 'json') headers['Content-Type'] = 'application/json;charset=UTF-8';
  if (res.headersSent) return;
  res.writeHead(status, headers);
  res.end(buf);
}

/**
 * Java String.trim(): strips characters <= U+0020 at both ends, not other Unicode spaces
 * (docs/zstack-protocol.md#string-trimming).
 */
export function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}

/**
 * Java Double.toString: 5 -> "5.0", 1.5 -> "1.5", 1e7 -> "1.0E7" (docs/zstack-protocol.md#wrong-json-types: `5` becomes
 * `"5.0"`).
 */
export function javaDoubleToString(n: number): string {
  if (Object.is(n, -0)) return '-0.0';
  const abs = Math.abs(n);
  if (abs === 0) return '0.0';
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : s + '.0';
  }
  const [mant, exp] = n.toExponential().split('e');
  return `${mant.includes('.') ? mant : mant + '.0'}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'BEGIN_ARRAY';
  if (v === null) return 'NULL';
  switch (typeof v) {
    case 'object':
      return 'BEGIN_OBJECT';
    case 'string':
      return 'STRING';
    case 'number':
      return 'NUMBER';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'UNKNOWN';
  }
}

/** Gson's failure while building the message: 500 (real ZStack) or 400 (variant), plain text. */
export function wrongShape(
  ctx: ServerContext,
  expected: 'a string' | 'BEGIN_ARRAY' | 'BEGIN_OBJECT',
  value: unknown,
  path: string,
): RestError {
  const text = `com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected ${expected} but was ${jsonKind(value)} at path $${path ? '.' + path : ''}`;
  return new RestError(ctx.variant.wrongShapeStatus, text);
}

/** String form of a scalar as the REST layer produces it (JSON number -> Java Double text). */
function scalarString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return javaDoubleToString(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

function verdict(v: ParamVerdict): unknown {
  if ('refuse' in v) throw v.refuse;
  return v.take;
}

/**
 * REST-layer verification and conversion of one parameter value (docs/zstack-protocol.md#wrong-json-types):
 * Boolean/integer checked on the value's string form (400), String takes any scalar, an object/array for
 * a String or a non-array for a List is a Gson failure. Top-level strings are trimmed. null -> undefined.
 */
export function coerceParam(ctx: ServerContext, name: string, spec: ParamSpec, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (spec.type) {
    case 'boolean': {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      const refuse = new RestError(
        400,
        `Invalid value for boolean field [${name}], [${text}] is not a valid boolean string[true, false].`,
      );
      return verdict(ctx.hooks.wrongTypeParam({ refuse }, { name, spec, value }));
    }
    case 'integer': {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (
        (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()))
      ) {
        const n = Number(typeof value === 'string' ? value.trim() : value);
        if (Number.isSafeInteger(n)) return n;
      }
      throw new RestError(400, `Invalid value for int field [${name}], [${text}] is not a valid number`);
    }
    case 'string':
    case 'uuid': {
      const s = scalarString(value);
      if (s !== undefined) return javaTrim(s);
      return verdict(
        ctx.hooks.wrongTypeParam({ refuse: wrongShape(ctx, 'a string', value, name) }, { name, spec, value }),
      );
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw wrongShape(ctx, 'BEGIN_OBJECT', value, name);
      return value;
    }
    case 'list': {
      if (!Array.isArray(value)) throw wrongShape(ctx, 'BEGIN_ARRAY', value, name);
      return value.map((item, i) => coerceItem(ctx, spec.items, item, `${name}[${i}]`));
    }
  }
}

/** A list element: strings take any scalar; objects are checked against the item schema's string properties. */
function coerceItem(
  ctx: ServerContext,
  schema: Record<string, unknown> | undefined,
  item: unknown,
  path: string,
): unknown {
  const resolved = schema ? resolveRef(ctx.contracts, schema) : undefined;
  if (item === null || item === undefined) return null;
  const isObjectSchema = resolved && (resolved.type === 'object' || typeof resolved.properties === 'object');
  if (!isObjectSchema) {
    const s = scalarString(item);
    if (s === undefined) throw wrongShape(ctx, 'a string', item, path);
    return s;
  }
  if (typeof item !== 'object' || Array.isArray(item)) throw wrongShape(ctx, 'BEGIN_OBJECT', item, path);
  const props = (resolved.properties ?? {}) as Record<string, Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    const p = props[k] ? resolveRef(ctx.contracts, props[k]) : undefined;
    if (p === undefined) continue; // unknown members are ignored (Gson)
    if (p.type === 'string' || typeof p.$ref === 'string' || p.pattern !== undefined) {
      const s = scalarString(v);
      if (s === undefined) throw wrongShape(ctx, 'a string', v, `${path}.${k}`);
      out[k] = s;
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** systemTags / userTags: lists of strings beside the API key. */
export function coerceTags(ctx: ServerContext, name: string, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw wrongShape(ctx, 'BEGIN_ARRAY', value, name);
  return value.map((v, i) => {
    const s = scalarString(v);
    if (s === undefined) throw wrongShape(ctx, 'a string', v, `${name}[${i}]`);
    return s;
  });
}
