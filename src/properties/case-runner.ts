// Runs one case of a property for real: a fresh CaseRecord, the case's advisories handed to the caller, its
// resources cleaned up whatever happened, and the last failing case kept for the failure report.
import { CaseRecord, type PropertyEnv } from './core.ts';

export interface CaseFailure {
  rec: CaseRecord;
  error: unknown;
}

export class CaseRunner<T> {
  /** the case that failed last (the shrunk one, once fast-check is done) */
  lastFailure: CaseFailure | undefined;
  /** resources the cases could not delete */
  readonly leftovers: string[] = [];

  constructor(
    private readonly env: PropertyEnv,
    private readonly runOne: (value: T, rec: CaseRecord) => Promise<void>,
  ) {}

  /** Runs one case; its advisories go to `into`; throws what the case threw. */
  async run(value: T, into: string[]): Promise<void> {
    const rec = new CaseRecord(this.env);
    try {
      await this.runOne(value, rec);
    } catch (error) {
      rec.end();
      this.lastFailure = { rec, error };
      throw error;
    } finally {
      into.push(...rec.advisories);
      this.leftovers.push(...(await rec.cleanup()));
    }
  }
}
