// What every property works with: the suite (client, contracts, schemas), a property-level ResourceKit for the
// fixtures (a project and its approver for flow collections), a per-case record of steps, observations and
// the resources the case made (deleted when the case ends, also when it fails), and `judge`, which runs the
// same checks as the example scenarios over a step's observations and fails the case on a required violation.
import { findApi, type ApiDescriptor } from '../../contracts/index.ts';
import { failuresOf, ALL_CHECKS, runChecks, type Check, type CheckResult } from '../checks/index.ts';
import type { Observation } from '../exchange/observation.ts';
import type { Exchange } from '../exchange/exchange.ts';
import type { JsonObject } from '../exchange/json.ts';
import { ResourceKit } from '../resources/resource-kit.ts';
import { validValue } from '../resources/fresh.ts';
import { formatFailures } from '../reporting/failures.ts';
import { ZStackClient } from '../client/zstack-client.ts';
import type { Suite } from '../suite.ts';
import type { RefSlot, SlotEnv } from '../generators/slots.ts';
import { CheckTally } from '../reporting/test-record.ts';
import { recordJudged } from '../recording/recorder.ts';

/** The checks the properties judge with: the same registry as the example scenarios. */
export const PROPERTY_CHECKS: readonly Check[] = ALL_CHECKS;

/** A required check failed in a step: the conformance failure a property reports. */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly failures: CheckResult[],
    readonly observations: Observation[],
  ) {
    super(`${step}\n${formatFailures(failures, observations)}`);
    this.name = 'StepFailure';
  }
}

export interface Fixtures {
  /** uuid by referenced resource (e.g. IAM2Project) or by parameter name (e.g. approverUuid) */
  refs: Map<string, string>;
}

export class PropertyEnv {
  readonly kit: ResourceKit;
  readonly fixtures: Fixtures = { refs: new Map() };
  /** every check result of every case, per API × rule (for the certification) */
  readonly tally = new CheckTally(recordJudged);
  /** cases started so far: a case's number names its steps in a recording */
  casesStarted = 0;
  private fixtureSetup: Promise<void> | undefined;

  constructor(readonly suite: Suite) {
    this.kit = new ResourceKit(suite.zs);
  }

  get zs() {
    return this.suite.zs;
  }
  get contracts() {
    return this.suite.contracts;
  }
  api(name: string): ApiDescriptor {
    return this.suite.zs.api(name);
  }

  /**
   * Flow collections need a project and a virtual ID in it that approves the flows: a real server only creates
   * a collection with approvers (docs/zstack-protocol.md#flow-collections-and-their-approvers). Made once per
   * property by the kit.
   */
  async ensureFixtures(resources: Iterable<string>): Promise<void> {
    const need = [...resources].some((r) =>
      Object.values(findApi(this.contracts, r, 'create').params).some((p) => p.references === 'IAM2Project'),
    );
    if (!need) return;
    this.fixtureSetup ??= (async () => {
      const { project, approverUuid } = await this.kit.approvedProject();
      this.fixtures.refs.set('IAM2Project', project['uuid'] as string);
      this.fixtures.refs.set('approverUuid', approverUuid);
    })();
    await this.fixtureSetup;
  }

  slotEnv(): SlotEnv {
    return {
      prefix: (label) => this.kit.name(label),
      ref: (slot: RefSlot) => {
        const uuid = (slot.references && this.fixtures.refs.get(slot.references)) ?? this.fixtures.refs.get(slot.param);
        if (!uuid) throw new Error(`properties: no fixture for ${slot.references ?? slot.param}`);
        return uuid;
      },
    };
  }

  /** Deletes the fixtures; returns what could not be deleted. */
  async close(): Promise<string[]> {
    return this.kit.cleanup();
  }
}

/** One generated case: its steps, observations, advisories and the resources it made. */
export class CaseRecord {
  readonly steps: string[] = [];
  readonly advisories: string[] = [];
  readonly kit: ResourceKit;
  /**
   * The case's own client: the suite's transport and session, with a history of this case's exchanges only,
   * so cases that run at once never mix their requests in a report.
   */
  readonly zs: ZStackClient;
  private historyEnd: number | undefined;
  /** the order in which the property started its cases (cases in flight start in index order) */
  readonly caseNumber: number;

  constructor(readonly env: PropertyEnv) {
    this.caseNumber = env.casesStarted++;
    this.zs = new ZStackClient(env.zs.transport, env.zs.config, env.zs.contracts);
    this.zs.session = env.zs.session;
    // the run's guards too: the case's creates go to the run's ledger (docs/safety.md), its jobs to the breaker
    this.zs.guards.push(...env.zs.guards);
    this.kit = new ResourceKit(this.zs);
  }

  /** Every exchange the case made up to its failure (or so far), setup included, in order. */
  exchanges(): Exchange[] {
    return this.zs.exchangesBetween(0, this.historyEnd);
  }

  /** Marks the end of the case's own requests (before its cleanup). */
  end(): void {
    this.historyEnd ??= this.zs.exchangeCount;
  }

  /** Judges one step: a required violation fails the case (StepFailure), advisories are collected. */
  judge(step: string, observations: Observation[]): void {
    this.steps.push(step);
    const results = runChecks(observations, { schemas: this.env.suite.schemas }, PROPERTY_CHECKS);
    this.env.tally.add(results, observations, { unit: `case ${this.caseNumber}`, label: step });
    const { failed, advisories } = failuresOf(results);
    for (const r of advisories)
      for (const v of r.violations) this.advisories.push(`${v.check} ${v.api}: ${v.title} (${v.received})`);
    if (failed.length > 0) throw new StepFailure(step, failed, observations);
  }

  /** Creates a resource for the case (not under test): a project-bound one gets the fixture project and approver. */
  async fresh(resource: string): Promise<JsonObject> {
    const create = findApi(this.env.contracts, resource, 'create');
    const params: Record<string, unknown> = {
      name: this.env.kit.name(resource === 'IAM2Organization' ? 'org' : 'case'),
      description: 'zstack-conformance property case',
    };
    for (const [n, p] of Object.entries(create.params)) {
      if (!p.required || params[n] !== undefined) continue;
      if (p.enum) params[n] = p.enum[0];
      else if (p.references) params[n] = this.env.fixtures.refs.get(p.references);
      else if (p.type === 'list')
        params[n] = [{ name: this.env.kit.name('flow'), approverUuid: this.env.fixtures.refs.get('approverUuid') }];
      // any other required parameter (a virtual ID's password, ...): what the derived tests send
      else if (p.in !== 'path')
        params[n] = await validValue({ zs: this.zs, kit: this.kit }, n, p, new Map(this.env.fixtures.refs));
    }
    return this.kit.create(resource, params);
  }

  /** Deletes what the case made (newest first); never throws. */
  async cleanup(): Promise<string[]> {
    return this.kit.cleanup().catch((e: unknown) => [String(e)]);
  }
}

export const stepName = (api: string, args: string): string => `${api}(${args})`;
