// Every secret the suite learns (passwords, their hashes, session ids) is registered here, and every text that
// leaves the process (logs, attachments, reports, curl lines, pacts) goes through redact() first.
const secrets = new Set<string>();

export const REDACTED = '[REDACTED]';

export function registerSecret(value: string | undefined): void {
  // Very short values would redact ordinary text; no real session id or password hash is that short.
  if (value && value.length >= 4) secrets.add(value);
}

export function forgetSecrets(): void {
  secrets.clear();
}

const PATTERNS: Array<[RegExp, string]> = [
  // `OAuth $ZSTACK_SESSION` in curl lines is a placeholder, not a secret
  [/(\bOAuth\s+)(?!\$ZSTACK_SESSION)[^\s"',;]+/gi, `$1${REDACTED}`],
  [/("(?:password|passwordSha512|sessionId|sessionUuid)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
  [/(\/accounts\/sessions\/)[0-9a-zA-Z-]+/g, `$1${REDACTED}`],
];

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(REDACTED);
  for (const [re, to] of PATTERNS) out = out.replace(re, to);
  return out;
}

/** What a uuid-shaped secret (a session id) becomes in a recording: still a uuid, so the reply keeps its shape. */
export const UUID_STAND_IN = '0'.repeat(32);
const UUID = /^[0-9a-f]{32}$/;

/**
 * redact() for recordings, which are judged again later: a secret shaped like a uuid becomes UUID_STAND_IN
 * instead of the marker, so a session inventory still matches its schema when replayed.
 */
export function redactKeepingShape(text: string): string {
  let out = text;
  for (const s of secrets) if (UUID.test(s)) out = out.split(s).join(UUID_STAND_IN);
  return redact(out);
}

/** A deep copy of a JSON value with every string redacted (for attachments and pacts). */
export function redactJson<T>(value: T): T {
  return JSON.parse(redact(JSON.stringify(value ?? null))) as T;
}
