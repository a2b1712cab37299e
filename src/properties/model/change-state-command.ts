import { renderValue } from '../../generators/render.ts';
import { observe } from '../../observe/observe.ts';
import { stepName, type CaseRecord } from '../core.ts';
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

/** A state event (repeats included) on a live or deleted resource of the case. */
export class ChangeStateCommand implements LifecycleCommand {
  constructor(
    readonly profile: ResourceProfile,
    readonly position: number,
    readonly event: string,
  ) {}

  check(m: Readonly<LifecycleModel>): boolean {
    return entriesOf(m, this.profile.resource).length > 0;
  }

  async run(m: LifecycleModel, rec: CaseRecord): Promise<void> {
    const api = this.profile.stateEvent;
    if (!api) throw new Error(`${this.profile.resource} has no state event API`);
    const e = pick(m, this.profile, this.position);
    const param = api.effect?.param ?? 'stateEvent';
    const obs = await observe(
      rec.zs,
      api.name,
      { uuid: e.uuid, [param]: this.event },
      { uuid: e.uuid, expect: actionExpectation(e) },
    );
    expectLastBefore(e, obs);
    rec.judge(
      stepName(api.name, `${e.label}${e.deleted ? ' (deleted)' : ''}, ${param}=${renderValue(this.event)}`),
      obs,
    );
    remember(e, obs[0]);
  }

  toString(): string {
    return stepName(this.profile.stateEvent?.name ?? '?', `#${this.position}, ${renderValue(this.event)}`);
  }
}
