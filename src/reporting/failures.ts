// Renders failed checks so that a reader can reproduce them: the rule, what was received, what was expected,
// its source, and a redacted curl line with the transcript of the exchange.
import type { CheckResult } from '../checks/index.ts';
import type { Observation } from '../exchange/observation.ts';
import { redact } from './redact.ts';
import { curlLine, describeExchange } from './transcript.ts';

export function formatFailures(failures: CheckResult[], observations: Observation[]): string {
  const blocks: string[] = [];
  for (const r of failures) {
    const x = observations[r.observation].exchange;
    for (const v of r.violations) {
      blocks.push(
        [
          `✗ ${v.check} [${v.severity}] ${v.api}: ${v.title}`,
          `  Received: ${v.received}`,
          `  Expected: ${v.expected}`,
          `  Source:   ${v.source}`,
          `  Reproduce: ${curlLine(x.hops[0].request)}`,
          describeExchange(x)
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n'),
        ].join('\n'),
      );
    }
  }
  return redact(blocks.join('\n\n'));
}
