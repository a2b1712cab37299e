// Names shared by the consumer side (pact generation), the provider side (verification) and publishing.
import { join } from 'node:path';

export const CONSUMER = 'zstack-conformance';
export const PROVIDER = 'zstack';
/**
 * Where `npm run conformance` writes the pacts (git-ignored, like all of reports/); ZSTACK_PACT_DIR moves them (a
 * nested run).
 */
export const PACT_DIR = process.env['ZSTACK_PACT_DIR'] || 'reports/pacts';

/** Titles of the two pact tests that are not one interaction each (the certification profile lists them). */
export const PACT_FILE_TEST = 'pact: the file holds every interaction and no response Content-Type';
export const PACT_VERIFY_TEST = 'the pacts verify against the target';

export const pactFileName = (consumer = CONSUMER, provider = PROVIDER): string => `${consumer}-${provider}.json`;
export const pactFile = (dir = PACT_DIR): string => join(dir, pactFileName());

/** pact-js reports usage to the Pact Foundation unless told not to (TOOLCHAIN.md). */
export function quietPact(): void {
  process.env['PACT_DO_NOT_TRACK'] = 'true';
}
