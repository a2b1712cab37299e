import { renderValue } from '../../generators/render.ts';
import { resolve } from '../../generators/slots.ts';
import { observe } from '../../observe/observe.ts';
import { stepName, type CaseRecord } from '../core.ts';
import { showParams } from '../inputs.ts';
import type { ResourceProfile } from '../targets.ts';
import { entriesOf, MAX_LIVE_PER_RESOURCE, type LifecycleCommand, type LifecycleModel } from './model.ts';

/** Creates a resource with generated valid parameters (its name carries the run id). */
export class CreateCommand implements LifecycleCommand {
  constructor(
    readonly profile: ResourceProfile,
    readonly params: Record<string, unknown>,
  ) {}

  check(m: Readonly<LifecycleModel>): boolean {
    return entriesOf(m, this.profile.resource).filter((e) => !e.deleted).length < MAX_LIVE_PER_RESOURCE;
  }

  async run(m: LifecycleModel, rec: CaseRecord): Promise<void> {
    const n = (m.made[this.profile.resource] = (m.made[this.profile.resource] ?? 0) + 1);
    const label = `${this.profile.short}${n}`;
    const params = resolve(this.params, rec.env.slotEnv(), this.profile.short) as Record<string, unknown>;
    const obs = await observe(rec.zs, this.profile.create.name, params);
    const main = obs[0];
    if (main.exchange.final.status === 200) rec.kit.track(this.profile.resource, this.profile.create, main.exchange);
    rec.judge(stepName(this.profile.create.name, `${label}: ${showParams(params)}`), obs);
    const inv = main.after ?? (main.exchange.final.json as { inventory?: Record<string, unknown> }).inventory;
    m.entries.push({
      label,
      resource: this.profile.resource,
      uuid: String(inv?.['uuid']),
      last: inv ?? undefined,
      deleted: false,
    });
  }

  toString(): string {
    return stepName(this.profile.create.name, renderValue(this.params));
  }
}
