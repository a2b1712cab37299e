// The embedded reference server in a process of its own (so it shares no event loop with what measures it),
// with optional environment (a job delay, stored organizations). Bounded start; closed by the caller.
import { spawn } from 'node:child_process';

export interface ServerProcess {
  url: string;
  startMs: number;
  close(): Promise<void>;
}

export function startServerProcess(env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'reference-server/main.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ZSTACK_REF_PORT: '0', ...env },
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`reference server did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], startMs: performance.now() - started, close });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference server exited (${code})`));
    });
  });
}
