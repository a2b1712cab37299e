import { loadContracts } from '../contracts/index.ts';
import { generatePacts } from '../src/pact/consumer.ts';
for (let k = 0; k < 15; k++) {
  try { await generatePacts(loadContracts(), `/tmp/pacts-loop-${process.pid}`); }
  catch (e) { console.log('FAIL', k, (e as Error).message.slice(0, 600)); }
}
console.log('done');
