import { observe } from '../../observe/observe.ts';
import { stepName, type CaseRecord } from '../core.ts';
import type { ResourceProfile } from '../targets.ts';
import { entriesOf, expectLastBefore, pick, type LifecycleCommand, type LifecycleModel } from './model.ts';

/** Deletes a resource of the case; deleting it again must succeed too (successIfResourceNotExisting). */
export class DeleteCommand implements LifecycleCommand {
  constructor(
    readonly profile: ResourceProfile,
    readonly position: number,
  ) {}

  check(m: Readonly<LifecycleModel>): boolean {
    return entriesOf(m, this.profile.resource).length > 0;
  }

  async run(m: LifecycleModel, rec: CaseRecord): Promise<void> {
    const e = pick(m, this.profile, this.position);
    const again = e.deleted;
    const obs = await observe(
      rec.zs,
      this.profile.delete.name,
      { uuid: e.uuid },
      { uuid: e.uuid, expect: again ? { kind: 'repeat-delete' } : { kind: 'success' } },
    );
    expectLastBefore(e, obs);
    rec.judge(stepName(this.profile.delete.name, `${e.label}${again ? ' again' : ''}`), obs);
    if (!again) {
      e.deleted = true;
      e.deletion = obs[0].exchange;
    }
  }

  toString(): string {
    return stepName(this.profile.delete.name, `#${this.position}`);
  }
}
