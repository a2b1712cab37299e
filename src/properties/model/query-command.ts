import type { Observation } from '../../exchange/observation.ts';
import { finalBody } from '../../exchange/exchange.ts';
import { isObject } from '../../exchange/json.ts';
import { stepName, type CaseRecord } from '../core.ts';
import type { ResourceProfile } from '../targets.ts';
import { entriesOf, pick, type LifecycleCommand, type LifecycleModel } from './model.ts';

/**
 * A query by uuid: a live resource shows exactly its last inventory (queryShowsLastInventory); a deleted one is
 * gone, judged as its delete's observation with this later query as `after` (resourceGoneAfterDelete).
 */
export class QueryCommand implements LifecycleCommand {
  constructor(
    readonly profile: ResourceProfile,
    readonly position: number,
  ) {}

  check(m: Readonly<LifecycleModel>): boolean {
    return entriesOf(m, this.profile.resource).length > 0;
  }

  async run(m: LifecycleModel, rec: CaseRecord): Promise<void> {
    const e = pick(m, this.profile, this.position);
    const x = await rec.zs.query(this.profile.query.name, { uuid: e.uuid });
    const list = finalBody(x)?.['inventories'];
    const found = Array.isArray(list) ? list.find((i) => isObject(i) && i['uuid'] === e.uuid) : undefined;
    const obs: Observation[] = [
      {
        api: this.profile.query,
        exchange: x,
        sent: { uuid: e.uuid },
        expect: { kind: 'success' },
        ...(e.last && !e.deleted ? { before: e.last } : {}),
      },
    ];
    if (e.deleted && e.deletion) {
      obs.push({
        api: this.profile.delete,
        exchange: e.deletion,
        sent: { uuid: e.uuid },
        expect: { kind: 'success' },
        after: isObject(found) ? found : null,
      });
    }
    rec.judge(stepName(this.profile.query.name, `${e.label}${e.deleted ? ' (deleted)' : ''}`), obs);
    if (!e.deleted && isObject(found)) e.last = found;
  }

  toString(): string {
    return stepName(this.profile.query.name, `#${this.position}`);
  }
}
