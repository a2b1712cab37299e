// Preloaded (NODE_OPTIONS --import) into every process of an installed package's run: Playwright compiles
// TypeScript only outside node_modules (its belongsToNodeModules), so under node_modules the package's tsx
// compiles the config, tests and scripts instead. Playwright's source-map support knows only the maps of what
// it compiled itself; handing it Node's maps of tsx's output keeps test locations and stack lines right.
import 'tsx';
import { createRequire, findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Node's source map of a file tsx compiled, its sources as paths (Playwright prints them as locations). */
function tsxSourceMap(source) {
  const payload = findSourceMap(source)?.payload;
  if (!payload) return null;
  const sources = payload.sources.map((s) => (s.startsWith('file:') ? fileURLToPath(s) : s));
  return { url: source, map: { ...payload, sources } };
}

try {
  const { sourceMapSupport } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');
  sourceMapSupport.install({ environment: 'node', handleUncaughtExceptions: false, retrieveSourceMap: tsxSourceMap });
} catch {
  // another Playwright layout: the run still works, its locations then point into tsx's output
}
