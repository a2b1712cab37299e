#!/usr/bin/env node
// The installed command. Plain Node ESM so it starts without tsx on PATH: it loads the package's own tsx and
// hands over to the TypeScript dispatcher (scripts/zstack-conformance.ts), which runs in the user's folder.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/zstack-conformance.ts');
