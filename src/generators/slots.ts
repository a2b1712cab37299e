// Generated parameters are templates: most values are plain JSON, but a few can only be known when the case
// runs (the run's name prefix, the uuid of a fixture). Slots stand for those and print readably in
// counterexamples; `resolve` fills them in just before the call.
import fc from 'fast-check';
import { renderText } from './render.ts';
import { joinPadded, type PaddedText } from './text.ts';

/** A resource name: the run's prefix (ResourceKit.name, so the resource carries the run id) + generated text. */
export class NameSlot {
  constructor(
    readonly text: PaddedText,
    readonly max: number,
  ) {}
  [fc.toStringMethod](): string {
    return `name(${renderText(this.text.lead)} + <run prefix> + ${renderText(this.text.core)} + ${renderText(this.text.trail)})`;
  }
  toJSON(): string {
    return this[fc.toStringMethod]();
  }
}

/** The uuid of something the case needs: a resource the descriptor `references`, or a fixture (e.g. approverUuid). */
export class RefSlot {
  constructor(
    readonly param: string,
    readonly references?: string,
  ) {}
  [fc.toStringMethod](): string {
    return `ref(${this.references ?? this.param})`;
  }
  toJSON(): string {
    return this[fc.toStringMethod]();
  }
}

export interface SlotEnv {
  /** a fresh name carrying the run id, e.g. ResourceKit.name(label) */
  prefix(label: string): string;
  /** the uuid a reference slot stands for; throws when the environment has none */
  ref(slot: RefSlot): string;
}

/** The value as it is sent: names get the run prefix (the core is cut so the trimmed text keeps its max length). */
export function resolve(v: unknown, env: SlotEnv, label = 'gen'): unknown {
  if (v instanceof NameSlot) {
    const prefix = `${env.prefix(label)}-`;
    const room = Math.max(0, v.max - prefix.length);
    let core = v.text.core.slice(0, room);
    // keep the core's last character above U+0020 (or drop it) so the trimmed form stays prefix + core
    while (core.length > 0 && core.charCodeAt(core.length - 1) <= 0x20) core = core.slice(0, -1);
    return joinPadded({
      lead: v.text.lead,
      core: core.length > 0 ? prefix + core : prefix.slice(0, -1),
      trail: v.text.trail,
    });
  }
  if (v instanceof RefSlot) return env.ref(v);
  if (Array.isArray(v)) return v.map((x) => resolve(x, env, label));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = resolve(x, env, label);
    return out;
  }
  return v;
}
