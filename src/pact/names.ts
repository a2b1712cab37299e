// Names shared by the consumer side (pact generation), the provider side (verification) and publishing.
import { join } from 'node:path';

export const CONSUMER = 'zstack-conformance';
export const PROVIDER = 'zstack';
/** Where `npm run conformance` writes the pacts (git-ignored, like all of reports/). */
export const PACT_DIR = 'reports/pacts';

export const pactFileName = (consumer = CONSUMER, provider = PROVIDER): string => `${consumer}-${provider}.json`;
export const pactFile = (dir = PACT_DIR): string => join(dir, pactFileName());

/** pact-js reports usage to the Pact Foundation unless told not to (TOOLCHAIN.md). */
export function quietPact(): void {
  process.env['PACT_DO_NOT_TRACK'] = 'true';
}
