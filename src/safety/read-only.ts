// Read-only mode (ZSTACK_READ_ONLY=true): the run sends only what cannot change the target: queries, logging
// in and out, requests the REST layer refuses before any job, and calls with an unknown session (ID.1001), all
// aimed at uuids that name nothing. Every test that needs to create or change a resource is skipped with
// READ_ONLY_SKIP as its reason; a guard on the client refuses any create, delete or membership call outright,
// so a test marked safe by mistake fails loudly instead of writing.
import type { ApiDescriptor } from '../../contracts/index.ts';
import type { SendGuard } from '../client/zstack-client.ts';

export const READ_ONLY_SKIP = 'ZSTACK_READ_ONLY=true: this test creates or changes resources on the target';

export class ReadOnlyViolation extends Error {
  constructor(api: string) {
    super(`ZSTACK_READ_ONLY=true: refused to send ${api}, which changes the target`);
    this.name = 'ReadOnlyViolation';
  }
}

/** APIs that always change something when they succeed (state events and updates are judged per test). */
const writes = (api: ApiDescriptor): boolean =>
  api.kind === 'create' || api.kind === 'delete' || api.effect?.kind === 'expunge' || api.effect?.kind === 'membership';

export class ReadOnlyGuard implements SendGuard {
  before(api: ApiDescriptor): void {
    if (writes(api)) throw new ReadOnlyViolation(api.name);
  }
}
