// The JSON helpers every reader of an answer shares: bodies are parsed by trying (real ZStack often sends no
// Content-Type), and objects are told apart from arrays and null before their fields are read.

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
