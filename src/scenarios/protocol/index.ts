// The protocol scenarios: jobs and X-Job-UUID, status codes, sessions, web hooks. They run in the `protocol`
// Playwright project (tests/protocol) and in the self-tests against the reference server's fault modes.
import type { Scenario } from '../scenario.ts';
import { jobsScenario } from './jobs.ts';
import { sessionsScenario } from './sessions.ts';
import { statusCodesScenario } from './status-codes.ts';
import { webHooksScenario } from './web-hooks.ts';

export { webHooksApplicable } from './web-hooks.ts';

export const PROTOCOL_SCENARIOS: readonly Scenario[] = [
  jobsScenario,
  statusCodesScenario,
  sessionsScenario,
  webHooksScenario,
];
