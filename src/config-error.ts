// The one error a bad setting raises: it names the variable, so the run stops with one line saying which.
// A module of its own because every reader of settings throws it (src/config.ts, src/safety-settings.ts,
// src/run-workers.ts, src/certification/settings.ts) and src/config.ts reads the others.
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}
