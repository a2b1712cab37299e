import { renderValue } from '../../generators/render.ts';
import { resolve } from '../../generators/slots.ts';
import { observe } from '../../observe/observe.ts';
import { stepName, type CaseRecord } from '../core.ts';
import { showParams } from '../inputs.ts';
import type { ResourceProfile } from '../targets.ts';
import {
  actionExpectation,
  entriesOf,
  expectLastBefore,
  pick,
  remember,
  type LifecycleCommand,
  type LifecycleModel,
} from './model.ts';

/** An update with a generated subset of the updatable fields (possibly none) on a live or deleted resource. */
export class UpdateCommand implements LifecycleCommand {
  constructor(
    readonly profile: ResourceProfile,
    readonly position: number,
    readonly params: Record<string, unknown>,
  ) {}

  check(m: Readonly<LifecycleModel>): boolean {
    return entriesOf(m, this.profile.resource).length > 0;
  }

  async run(m: LifecycleModel, rec: CaseRecord): Promise<void> {
    const api = this.profile.update;
    if (!api) throw new Error(`${this.profile.resource} has no update API`);
    const e = pick(m, this.profile, this.position);
    const params = resolve(this.params, rec.env.slotEnv(), this.profile.short) as Record<string, unknown>;
    const obs = await observe(
      rec.zs,
      api.name,
      { uuid: e.uuid, ...params },
      { uuid: e.uuid, expect: actionExpectation(e) },
    );
    expectLastBefore(e, obs);
    rec.judge(
      stepName(
        api.name,
        `${e.label}${e.deleted ? ' (deleted)' : ''}${Object.keys(params).length ? `, ${showParams(params)}` : ', nothing'}`,
      ),
      obs,
    );
    remember(e, obs[0]);
  }

  toString(): string {
    return stepName(this.profile.update?.name ?? '?', `#${this.position}, ${renderValue(this.params)}`);
  }
}
