// Sessions of one server instance: login creates one valid for 2 hours, logout removes it.
import { toSeconds } from './timestamps.ts';

export interface Session {
  uuid: string;
  accountUuid: string;
  createDate: number;
  expiredDate: number;
}

const SESSION_LIFETIME_MS = 2 * 60 * 60 * 1000;

export class Sessions {
  private readonly sessions = new Map<string, Session>();

  /** onCreate: told every session id issued (the server's optional session log) */
  constructor(
    private readonly clock: () => number,
    private readonly newUuid: () => string,
    private readonly onCreate?: (uuid: string) => void,
  ) {}

  create(accountUuid: string): Session {
    const now = toSeconds(this.clock());
    const s: Session = { uuid: this.newUuid(), accountUuid, createDate: now, expiredDate: now + SESSION_LIFETIME_MS };
    this.sessions.set(s.uuid, s);
    this.onCreate?.(s.uuid);
    return s;
  }

  isValid(uuid: string | undefined): boolean {
    if (!uuid) return false;
    const s = this.sessions.get(uuid);
    if (!s) return false;
    if (s.expiredDate <= this.clock()) {
      this.sessions.delete(uuid);
      return false;
    }
    return true;
  }

  remove(uuid: string): void {
    this.sessions.delete(uuid);
  }
}
