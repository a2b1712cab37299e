// Two recordings of the same suite set side by side (docs/differential.md): tests paired by id, their steps
// grouped by unit (a scenario, a property case, the sweep) and compared in order within each unit, each pair of
// settling answers compared by compare-reply.ts. Pure: recordings in, differences out.
import type { RecordedTest, RecordingStep } from '../recording/recording.ts';
import { SWEEP_PROJECT } from '../reporting/sweep-summary.ts';
import { compareReplies, type Finding } from './compare-reply.ts';
import { compareAroundCall, signalKeysAsChanges } from './compare-step.ts';
import { classOf, type Difference, type DifferenceKind } from './difference.ts';
import { normalization, requestShape, sortAsked, type Normalization } from './normalize.ts';

/**
 * The sweep queries each endpoint's own rows: only the status, the error code, the JSON types of fields both
 * sides have, whether the steps line up and the checks' verdicts are changes there.
 */
const SWEEP_CHANGES: ReadonlySet<DifferenceKind> = new Set(['status', 'error-code', 'field-type', 'steps', 'verdict']);

const testApi = (t: RecordedTest): string => t.header.test.annotations.find((a) => a.type === 'api')?.description ?? '';

function byUnit(steps: readonly RecordingStep[]): Map<string, RecordingStep[]> {
  const units = new Map<string, RecordingStep[]>();
  for (const s of steps) units.set(s.unit, [...(units.get(s.unit) ?? []), s]);
  return units;
}

class TestComparison {
  readonly differences: Difference[] = [];
  private readonly n: Normalization;
  private readonly sweep: boolean;

  constructor(
    private readonly a: RecordedTest,
    private readonly b: RecordedTest,
  ) {
    this.n = normalization(a.header.run.runId, b.header.run.runId);
    this.sweep = a.header.test.project === SWEEP_PROJECT;
  }

  run(): Difference[] {
    const [endA, endB] = [this.a.end?.status, this.b.end?.status];
    if ((endA === 'skipped') !== (endB === 'skipped')) {
      this.differences.push(this.testLevel('outcome', endA ?? 'not ended', endB ?? 'not ended'));
    }
    if (endA === 'skipped' || endB === 'skipped') return this.differences;
    const [unitsA, unitsB] = [byUnit(this.a.steps), byUnit(this.b.steps)];
    for (const unit of new Set([...unitsA.keys(), ...unitsB.keys()])) {
      this.unit(unit, unitsA.get(unit) ?? [], unitsB.get(unit) ?? []);
    }
    return this.differences;
  }

  private testLevel(path: string, a: string, b: string): Difference {
    return {
      class: 'change',
      kind: 'test-outcome',
      testId: this.a.header.test.id,
      api: testApi(this.a),
      unit: '',
      path,
      a,
      b,
    };
  }

  private unit(unit: string, stepsA: RecordingStep[], stepsB: RecordingStep[]): void {
    for (let i = 0; i < Math.max(stepsA.length, stepsB.length); i++) {
      const [sa, sb] = [stepsA[i], stepsB[i]];
      const [shapeA, shapeB] = [sa && this.shape(sa, this.n.namesA), sb && this.shape(sb, this.n.namesB)];
      if (shapeA !== shapeB) {
        // one side stopped here or called something else: what follows no longer lines up
        const f = { kind: 'steps' as const, path: 'steps', a: shapeA ?? 'absent', b: shapeB ?? 'absent' };
        return this.add(f, unit, sa, sb);
      }
      const replies = compareReplies(
        sa.observation.exchange.final,
        sb.observation.exchange.final,
        this.n,
        sortAsked(sa),
      );
      for (const f of [...signalKeysAsChanges(replies), ...compareAroundCall(sa, sb, this.n)])
        this.add(f, unit, sa, sb);
    }
  }

  private shape(s: RecordingStep, names: (t: string) => string): string {
    return `${s.observation.api}: ${requestShape(s, names)}`;
  }

  private add(f: Finding, unit: string, sa: RecordingStep | undefined, sb: RecordingStep | undefined): void {
    const step = (sa ?? sb) as RecordingStep;
    const demoted = this.sweep && !SWEEP_CHANGES.has(f.kind);
    this.differences.push({
      class: demoted ? 'informational' : classOf(f.kind),
      ...f,
      testId: this.a.header.test.id,
      api: step.observation.api,
      unit,
      step: step.index,
      ...(sa ? { stepA: sa } : {}),
      ...(sb ? { stepB: sb } : {}),
    });
  }
}

const onlyOneSide = (t: RecordedTest, side: 'a' | 'b'): Difference => ({
  class: 'change',
  kind: 'test-outcome',
  testId: t.header.test.id,
  api: testApi(t),
  unit: '',
  path: 'test',
  a: side === 'a' ? (t.end?.status ?? 'recorded') : 'not recorded',
  b: side === 'b' ? (t.end?.status ?? 'recorded') : 'not recorded',
});

/** Every difference between recording A and recording B, test by test in A's order, then the tests only B has. */
export function compareRecordings(a: readonly RecordedTest[], b: readonly RecordedTest[]): Difference[] {
  const bById = new Map(b.map((t) => [t.header.test.id, t]));
  const aIds = new Set(a.map((t) => t.header.test.id));
  const differences: Difference[] = [];
  for (const ta of a) {
    const tb = bById.get(ta.header.test.id);
    differences.push(...(tb ? new TestComparison(ta, tb).run() : [onlyOneSide(ta, 'a')]));
  }
  for (const tb of b) if (!aIds.has(tb.header.test.id)) differences.push(onlyOneSide(tb, 'b'));
  return differences;
}
