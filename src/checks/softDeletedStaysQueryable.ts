import { NOT_APPLICABLE, type Check } from './types.ts';
import { succeeded } from './support/observation-parts.ts';
import { show, violation } from './support/violation.ts';

export const softDeletedStaysQueryable: Check = {
  name: 'softDeletedStaysQueryable',
  severity: 'required',
  rule: 'After the first step of a two-step delete (DeleteIAM2Project) a query by uuid MUST still return the resource, in its deleted state (Deleted), until it is expunged.',
  source: 'docs/zstack-protocol.md#projects (SDK ProjectState.Deleted; ExpungeIAM2Project removes it)',
  run(o) {
    const effect = o.api.effect;
    if (effect?.kind !== 'delete' || !effect.softDelete || o.expect.kind !== 'success' || !succeeded(o))
      return NOT_APPLICABLE;
    // only a resource that existed before the call, seen by a query after it, can be judged
    if (o.before === undefined || o.after === undefined) return NOT_APPLICABLE;
    if (o.after === null)
      return [
        violation(
          this,
          o,
          'deleted resource vanished before its expunge',
          'the query by uuid found nothing',
          `the resource, state ${effect.deletedState ?? 'Deleted'}`,
        ),
      ];
    const want = effect.deletedState;
    if (want !== undefined && o.after['state'] !== want) {
      return [
        violation(this, o, `state not ${want} after delete`, `state=${show(o.after['state'])}`, `state="${want}"`),
      ];
    }
    return [];
  },
};
