// npm test's checks before the tests (typecheck, lint, contracts:check), run side by side: each is one process on
// one core, so on the two cores CI has they take the time of the slowest instead of the sum. Each one's output is
// printed whole when it ends, in a block of its own; the exit code is the first failure's, 0 when all pass.
import { spawn } from 'node:child_process';
import process from 'node:process';

const CHECKS = ['typecheck', 'lint', 'contracts:check'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = await Promise.all(
  CHECKS.map(
    (name) =>
      new Promise((done) => {
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => {
          process.stdout.write(
            `> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output.replace(/([^\n])$/, '$1\n')}`,
          );
          done(code ?? 1);
        });
      }),
  ),
);
process.exit(results.find((code) => code !== 0) ?? 0);
