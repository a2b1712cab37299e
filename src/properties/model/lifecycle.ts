// The model-based property (docs/properties.md): random sequences of create, state event, update, query, delete
// and delete-again over every resource the descriptors let the suite create, query and delete (organizations
// and ticket flow collections; the project and approver a collection needs are fixtures). After every step the
// endpoint must agree with the model, as the checks judge it.
import fc from 'fast-check';
import { validBody, validEnum } from '../../generators/params.ts';
import type { CaseRecord } from '../core.ts';
import type { PropertySpec } from '../property.ts';
import { resourceProfiles } from '../targets.ts';
import { ChangeStateCommand } from './change-state-command.ts';
import { CreateCommand } from './create-command.ts';
import { DeleteCommand } from './delete-command.ts';
import { newModel, type LifecycleCommand } from './model.ts';
import { QueryCommand } from './query-command.ts';
import { UpdateCommand } from './update-command.ts';

const POSITION = fc.nat({ max: 7 });

export const lifecycleMatchesModel: PropertySpec<Iterable<LifecycleCommand>> = {
  name: 'lifecycleMatchesModel',
  title: 'random lifecycles of organizations and flow collections agree with the model after every step',
  rule: 'Across any sequence of create, state event (repeats included), update, query, delete and delete-again: each state event leaves its state (repeats idempotent); uuid, createDate, type and every field not sent stay; lastOpDate never goes back; a query by uuid equals the last inventory returned; a deleted resource is gone from queries and later actions on it fail with SYS.1003; a second delete succeeds.',
  quickRuns: 50,
  commands: true,
  arbitrary(env, opts) {
    const arbs: Array<fc.Arbitrary<LifecycleCommand>> = [];
    for (const p of resourceProfiles(env.contracts)) {
      const create = validBody(env.contracts, p.create).map((params) => new CreateCommand(p, params));
      arbs.push(create, create); // twice as likely: most steps need a resource to act on
      if (p.stateEvent) {
        const events = Object.keys(p.stateEvent.effect?.transitions ?? {});
        arbs.push(fc.tuple(POSITION, validEnum(events)).map(([i, ev]) => new ChangeStateCommand(p, i, ev)));
      }
      if (p.update)
        arbs.push(
          fc.tuple(POSITION, validBody(env.contracts, p.update)).map(([i, params]) => new UpdateCommand(p, i, params)),
        );
      arbs.push(POSITION.map((i) => new QueryCommand(p, i)));
      arbs.push(POSITION.map((i) => new DeleteCommand(p, i)));
    }
    return fc.commands(arbs, {
      maxCommands: opts.deep ? 30 : 16,
      size: 'max',
      ...(opts.commandsReplayPath ? { replayPath: opts.commandsReplayPath } : {}),
    });
  },
  async run(cmds, rec: CaseRecord) {
    await fc.asyncModelRun(() => ({ model: newModel(), real: rec }), cmds);
  },
};
