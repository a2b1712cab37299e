import { startReferenceServer } from '../reference-server/server.ts';
import { readConfig } from '../src/config.ts';
import { verifyPacts } from '../src/pact/verify.ts';
const faults = (process.argv[2] ?? '').split(',').filter(Boolean) as never[];
const srv = await startReferenceServer({ faults });
const config = readConfig({ ZSTACK_BASE_URL: srv.url, ZSTACK_PASSWORD: 'password' });
const r = await verifyPacts({ config, pactFiles: ['/tmp/pacts-try/zstack-conformance-zstack.json'] });
console.log(r.ok, r.failures.join("\n"), r.problems, r.durationMs);
await srv.close();
