// What one test tells the certification: per API × rule how often each check passed, failed or did not apply,
// which state transitions the test exercised, the redacted exchanges of its failures, and whether it stopped
// for a reason that is not the server's (a setup refusal, the endpoint gone, a suite bug). Tests attach it as
// `certification.json`; the certification reporter (src/certification/reporter.ts) reads it.
import type { CheckResult, Severity } from '../checks/index.ts';
import type { Observation } from '../exchange/observation.ts';
import { isObject } from '../exchange/json.ts';
import { curlLine, describeExchange } from './transcript.ts';
import { redact, redactJson } from './redact.ts';

export const RECORD_ATTACHMENT = 'certification.json';
export const RECORD_CONTENT_TYPE = 'application/json';

export interface RuleTally {
  check: string;
  api: string;
  severity: Severity;
  passed: number;
  failed: number;
  notApplicable: number;
  /** distinct findings (title: received), at most MAX_FINDINGS, each with how often it occurred */
  findings: Array<{ title: string; received: string; expected: string; source: string; count: number }>;
}

/** Why a test could not judge the server: never counted as the server failing a rule. */
export interface RecordError {
  kind: 'setup' | 'transport' | 'suite' | 'incomplete';
  message: string;
}

export interface FailureExchange {
  check: string;
  api: string;
  severity: Severity;
  title: string;
  curl: string;
  exchange: string;
}

export interface TestRecord {
  kind: 'scenario' | 'property';
  rules: RuleTally[];
  /** `<API>: <event> -> <state>` of every state event that succeeded */
  transitions: string[];
  failures: FailureExchange[];
  error?: RecordError;
}

const MAX_FINDINGS = 5;
const MAX_FAILURES = 20;

/** One unit's judged observations, as a tally hands them on (to a recording, src/recording/recorder.ts). */
export interface JudgedUnit {
  /** `scenario`, `sweep`, or `case <n>` of a property */
  unit: string;
  /** the step's label within its unit, when it has one */
  label?: string;
  results: readonly CheckResult[];
  observations: readonly Observation[];
}

/** Accumulates check results (scenario or all cases of a property) into a TestRecord. */
export class CheckTally {
  private readonly rules = new Map<string, RuleTally>();
  private readonly transitions = new Set<string>();
  private readonly failures: FailureExchange[] = [];

  /** `onJudged` also gets every unit added (a recording) */
  constructor(private readonly onJudged?: (judged: JudgedUnit) => void) {}

  add(
    results: readonly CheckResult[],
    observations: readonly Observation[],
    unit: Pick<JudgedUnit, 'unit' | 'label'> = { unit: 'scenario' },
  ): void {
    this.onJudged?.({ ...unit, results, observations });
    for (const r of results) {
      const key = `${r.api}\u0000${r.check}`;
      let t = this.rules.get(key);
      if (!t)
        this.rules.set(
          key,
          (t = {
            check: r.check,
            api: r.api,
            severity: r.severity,
            passed: 0,
            failed: 0,
            notApplicable: 0,
            findings: [],
          }),
        );
      if (r.status === 'pass') t.passed++;
      else if (r.status === 'not-applicable') t.notApplicable++;
      else {
        t.failed++;
        for (const v of r.violations) {
          const f = t.findings.find((x) => x.title === v.title && x.received === v.received);
          if (f) f.count++;
          else if (t.findings.length < MAX_FINDINGS)
            t.findings.push({ title: v.title, received: v.received, expected: v.expected, source: v.source, count: 1 });
        }
        const o = observations[r.observation];
        if (r.severity === 'required' && o && this.failures.length < MAX_FAILURES) {
          this.failures.push({
            check: r.check,
            api: r.api,
            severity: r.severity,
            title: r.violations[0]?.title ?? r.check,
            curl: curlLine(o.exchange.hops[0].request),
            exchange: describeExchange(o.exchange),
          });
        }
      }
    }
    for (const o of observations) {
      const t = transitionOf(o);
      if (t) this.transitions.add(t);
    }
  }

  record(kind: TestRecord['kind'], error?: RecordError): TestRecord {
    const rules = [...this.rules.values()].sort((a, b) => a.api.localeCompare(b.api) || a.check.localeCompare(b.check));
    return redactJson({
      kind,
      rules,
      transitions: [...this.transitions].sort(),
      failures: this.failures,
      ...(error ? { error: { ...error, message: redact(error.message) } } : {}),
    });
  }
}

/** `<API>: <event> -> <state>` when the observation is a successful state event of its descriptor. */
export function transitionOf(o: Observation): string | undefined {
  const e = o.api.effect;
  if (e?.kind !== 'stateEvent' || !e.param || !e.transitions || o.exchange.final.status !== 200) return undefined;
  const event = o.sent[e.param];
  if (typeof event !== 'string' || !(event in e.transitions)) return undefined;
  const inv = isObject(o.exchange.final.json) ? o.exchange.final.json['inventory'] : undefined;
  if (!isObject(inv)) return undefined;
  return `${o.api.name}: ${event} -> ${e.transitions[event]}`;
}

/** The kind of a reason a scenario stopped (`<ErrorName>: message`): the setup's, the network's or the suite's. */
export function errorOfStop(stopped: string): RecordError {
  if (/^SetupError\b/.test(stopped)) return { kind: 'setup', message: stopped };
  if (/^TransportError\b/.test(stopped)) return { kind: 'transport', message: stopped };
  return { kind: 'suite', message: stopped };
}
