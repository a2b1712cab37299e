// What a hand-written descriptor says beyond the SDK: the overlay contracts/apis/X.json keeps (contracts/index.ts
// mergeOverlay puts it back over contracts/sdk/apis/X.json). A fact the generated descriptor states identically is
// dropped (a required of false is the SDK's silence), a parameter or reply left empty goes, and the sources keep
// only what the SDK's do not name. Parameters come in the SDK's order.
import { isDeepStrictEqual } from 'node:util';
import type { ApiDescriptor, ApiOverlay, ParamSpec } from '../../contracts/index.ts';

const sameFact = (key: string, a: unknown, b: unknown): boolean =>
  key === 'required' ? (a === true) === (b === true) : isDeepStrictEqual(a, b);

function without<T extends object>(own: T, sdk: object): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(own))
    if (!sameFact(k, v, (sdk as Record<string, unknown>)[k]) || (k === 'required' && !(k in sdk) && v === true))
      out[k] = v;
  return out as Partial<T>;
}

export function overlayOf(descriptor: ApiDescriptor | ApiOverlay, generated: ApiDescriptor): ApiOverlay {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(descriptor)) {
    if (k === 'name') out[k] = v;
    else if (k === 'params') {
      const params: Record<string, Partial<ParamSpec>> = {};
      // in the SDK's order (its @Param fields'), then any the SDK does not have
      const order = Object.keys(generated.params);
      const rank = (n: string): number => (order.includes(n) ? order.indexOf(n) : order.length);
      const entries = Object.entries(v as Record<string, ParamSpec>).sort(([a], [b]) => rank(a) - rank(b));
      for (const [n, p] of entries) {
        const own = generated.params[n] ? without(p, generated.params[n]) : p;
        if (Object.keys(own).length) params[n] = own;
      }
      if (Object.keys(params).length) out[k] = params;
    } else if (k === 'reply') {
      const own = without(v as ApiDescriptor['reply'], generated.reply);
      if (Object.keys(own).length) out[k] = own;
    } else if (k === 'sources') {
      const own = (v as string[]).filter((s) => !generated.sources.includes(s));
      if (own.length) out[k] = own;
    } else if (!isDeepStrictEqual(v, (generated as unknown as Record<string, unknown>)[k])) out[k] = v;
  }
  return out as ApiOverlay;
}
