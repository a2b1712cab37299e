// `npm run certify:verify -- DIR` (see --help): checks a bundle's integrity (every file against manifest.json,
// the manifest against manifest.sha256) and prints its certificate and verdict. Exit: the verdict's code (0 only
// when it passed), or 4 when the bundle was changed after sealing (then no verdict is printed: it cannot be trusted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyBundle } from '../src/certification/bundle.ts';
import type { Certification } from '../src/certification/judge.ts';
import { EXIT_CODES, VERDICT_LABEL } from '../src/certification/verdict.ts';
import { commandLine } from './cli/args.ts';

const { positionals } = commandLine({
  name: 'certify:verify',
  summary: "Checks a bundle's integrity (every file against manifest.json, the manifest against manifest.sha256).",
  options: {},
  positionals: { name: 'DIR', help: 'a bundle written by npm run certify', min: 1, max: 1 },
  details: ['Exit: the verdict of an intact bundle (0 only when it passed), 4 when it was changed after sealing.'],
  example: 'npm run certify:verify -- reports/certification',
});
const dir = positionals[0];
const problems = verifyBundle(dir);
if (problems.length) {
  console.error(`certify:verify: ${dir} is NOT intact:`);
  for (const p of problems) console.error(`  ${p}`);
  console.error('verdict: TAMPERED');
  process.exit(EXIT_CODES.tampered);
}
let cert: Certification;
try {
  cert = JSON.parse(readFileSync(join(dir, 'certification.json'), 'utf8')) as Certification;
} catch {
  console.error(`certify:verify: ${dir} is intact but has no readable certification.json`);
  process.exit(EXIT_CODES.error);
}
process.stdout.write(readFileSync(join(dir, 'certificate.txt'), 'utf8'));
console.log(
  `integrity: ${Object.keys((JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: object }).files).length} files match manifest.json`,
);
console.log(`verdict: ${VERDICT_LABEL[cert.verdict]}`);
process.exit(EXIT_CODES[cert.verdict]);
