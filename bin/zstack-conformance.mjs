#!/usr/bin/env node
// The installed command. Plain Node ESM so it starts without tsx on PATH: it loads the package's own tsx and
// hands over to the TypeScript dispatcher (scripts/zstack-conformance.ts), which runs in the user's folder.
import { sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { register } from 'tsx/esm/api';

// Installed (not a clone or an `npm link`), the package lies under node_modules, where Playwright does not
// compile TypeScript: every process the subcommand starts preloads the package's tsx for it.
const installed = fileURLToPath(import.meta.url)
  .split(sep)
  .includes('node_modules');
if (installed) {
  const preload = `--import ${new URL('typescript-in-node-modules.mjs', import.meta.url).href}`;
  process.env['NODE_OPTIONS'] = [process.env['NODE_OPTIONS'], preload].filter(Boolean).join(' ');
}
register();
await import('../scripts/zstack-conformance.ts');
