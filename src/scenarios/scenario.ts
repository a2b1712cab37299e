// A scenario: a documented sequence of calls whose observations the checks judge. The same scenario runs in
// the conformance suite (against the target) and in the self-tests (against reference-server fault modes).
import { findApi } from '../../contracts/index.ts';
import type { JsonObject } from '../exchange/json.ts';
import { observeInto, type ObservationLog } from '../observe/observe.ts';
import type { ResourceKit } from '../resources/resource-kit.ts';

/** What a scenario works with: a logged-in client, the run's resource kit, and the record of its observations. */
export interface ScenarioContext extends ObservationLog {
  kit: ResourceKit;
}

export interface Scenario {
  /**
   * stable key of a hand-written or protocol scenario, by which a fault mode of the reference server names the
   * scenario that shows it (its `trips`); derived scenarios have none
   */
  id?: string;
  /** literal, unique test title */
  title: string;
  /** the APIs it exercises (the first is the one under test) */
  apis: string[];
  since: string;
  /** what the target MUST do, as in a conformance list */
  description: string;
  /** changes nothing on the target (queries, REST-layer refusals, unknown sessions): runs in ZSTACK_READ_ONLY mode */
  readOnly?: boolean;
  /** makes its calls through observeInto, so ctx.record holds what happened even if it stops half-way */
  run(ctx: ScenarioContext): Promise<void>;
}

/** Creates a resource as an observed call (so the create is checked too) and hands it to the kit for cleanup. */
export async function createObserved(
  ctx: ScenarioContext,
  resource: string,
  params: Record<string, unknown>,
): Promise<JsonObject> {
  const api = findApi(ctx.zs.contracts, resource, 'create');
  const o = await observeInto(ctx, api.name, params);
  return ctx.kit.track(resource, api, o.exchange);
}

/**
 * ZStack timestamps have one-second resolution: let a second boundary pass before a change whose dates are compared.
 */
export const nextSecond = (): Promise<void> => new Promise((r) => setTimeout(r, 1100 - (Date.now() % 1000) + 50));
