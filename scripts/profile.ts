// `npm run profile:write`: regenerates the derived part of contracts/profiles/*.json (levels are kept);
// `--verify` (run by `npm run contracts:check`) fails when a profile is stale or has a bad level.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadValidatedContracts } from '../src/contract-model/descriptors.ts';
import { PROFILES_DIR, loadProfile } from '../src/certification/profile.ts';
import { deriveProfile, profileProblems } from '../src/certification/profile-derive.ts';
import { allScenarios } from '../src/scenarios/all.ts';
import { commandLine } from './cli/args.ts';

const { values } = commandLine({
  name: 'profile:write',
  summary: 'Regenerates the derived part of contracts/profiles/*.json (the levels are kept).',
  options: {
    verify: { type: 'boolean', help: 'write nothing; exit 1 naming each stale profile or bad level' },
  },
  example: 'npm run profile:write -- --verify',
});

const verify = values.verify;
const contracts = loadValidatedContracts();
let bad = false;
for (const file of readdirSync(PROFILES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const name = file.replace(/\.json$/, '');
  const current = loadProfile(name);
  const derived = deriveProfile(contracts, current, allScenarios(contracts));
  if (verify) {
    for (const p of profileProblems(current, derived)) {
      console.error(`contracts/profiles/${file}: ${p}`);
      bad = true;
    }
  } else {
    writeFileSync(join(PROFILES_DIR, file), JSON.stringify(derived, null, 2) + '\n');
    console.log(
      `wrote contracts/profiles/${file}: ${derived.apis.length} APIs, ${derived.checks.length} checks, ${derived.tests.length} tests`,
    );
  }
}
process.exit(bad ? 1 : 0);
