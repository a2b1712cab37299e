// Which tests exercise each API of the contracts: the derived tests, the hand-written scenarios and the pact
// interactions. An API that nothing exercises must be listed in contracts/excluded.json with a reason.
// The pact interactions are passed in (the caller builds them with src/pact/interactions.ts): the scenarios
// sit below the pacts and never import them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS_DIR, type Contracts } from '../../contracts/index.ts';
import { SCENARIOS } from './index.ts';
import { derivedScenarios } from './derived.ts';

export interface Exclusion {
  api: string;
  reason: string;
}

export function readExclusions(dir = CONTRACTS_DIR): Exclusion[] {
  const parsed = JSON.parse(readFileSync(join(dir, 'excluded.json'), 'utf8')) as { excluded?: Exclusion[] };
  return parsed.excluded ?? [];
}

/** What the coverage needs of a pact interaction. */
export interface PactInteraction {
  api: string;
  description: string;
}

/** The pact interactions of some contracts (buildInteractions at a version); may throw on a trimmed copy. */
export type PactInteractionsOf = (contracts: Contracts) => readonly PactInteraction[];

/** API name -> what exercises it (test titles and pact descriptions). */
export function coverage(contracts: Contracts, pactOf: PactInteractionsOf): Map<string, string[]> {
  const by = new Map<string, string[]>([...contracts.apis.keys()].map((n) => [n, []]));
  const add = (api: string, what: string) => by.get(api)?.push(what);
  for (const s of derivedScenarios(contracts)) add(s.apis[0], s.title);
  for (const s of SCENARIOS) for (const api of s.apis) add(api, s.title);
  let pact: readonly PactInteraction[] = [];
  try {
    pact = pactOf(contracts);
  } catch {
    // contracts without the APIs the hand-written interactions name (a trimmed copy): no pact coverage
  }
  for (const i of pact) add(i.api, `pact: ${i.description}`);
  return by;
}

/** Problems: APIs exercised by nothing and not excluded, exclusions without a reason or naming no API. */
export function coverageProblems(contracts: Contracts, exclusions: Exclusion[], pactOf: PactInteractionsOf): string[] {
  const problems: string[] = [];
  const cov = coverage(contracts, pactOf);
  for (const e of exclusions) {
    if (!contracts.apis.has(e.api))
      problems.push(`contracts/excluded.json names ${e.api}, which is not in contracts/apis`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '')
      problems.push(`contracts/excluded.json: ${e.api} has no reason`);
  }
  for (const [api, what] of cov) {
    if (what.length === 0 && !exclusions.some((e) => e.api === api))
      problems.push(`${api} is exercised by no test and not listed in contracts/excluded.json with a reason`);
  }
  return problems;
}
