import { loadContracts } from '../contracts/index.ts';
import { generatePacts } from '../src/pact/consumer.ts';
const t = Date.now();
console.log(await generatePacts(loadContracts(), '/tmp/pacts-try'), Date.now() - t, 'ms');
