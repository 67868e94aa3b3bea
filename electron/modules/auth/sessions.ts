import type { Role } from '../../../shared/roles';

export interface Session {
  userId: number;
  username: string;
  role: Role;
  lastActivity: number;
  locked: boolean;
}

/**
 * Logged-in staff, by transport channel (an Electron window, or a browser holding the web-mode cookie). Kept in memory:
 * restarting the app asks everybody to log in again.
 */
export class SessionStore {
  private readonly byChannel = new Map<string, Session>();

  constructor(private idleLockMs: number) {}

  setIdleLockMinutes(minutes: number): void {
    this.idleLockMs = minutes * 60_000;
  }

  get idleLockMinutes(): number {
    return this.idleLockMs / 60_000;
  }

  /** The channel's session, locked first if it has been idle too long. */
  current(channel: string, now: number): Session | null {
    const session = this.byChannel.get(channel) ?? null;
    if (session && !session.locked && now - session.lastActivity > this.idleLockMs) session.locked = true;
    return session;
  }

  open(channel: string, user: { id: number; username: string; role: Role }, now: number): Session {
    const session: Session = {
      userId: user.id,
      username: user.username,
      role: user.role,
      lastActivity: now,
      locked: false,
    };
    this.byChannel.set(channel, session);
    return session;
  }

  touch(session: Session, now: number): void {
    session.lastActivity = now;
  }

  close(channel: string): void {
    this.byChannel.delete(channel);
  }

  /** Ends every session of a user but the one on `keep`, e.g. when an admin disables the account. */
  closeUser(userId: number, keep?: string): void {
    for (const [channel, session] of this.byChannel) {
      if (session.userId === userId && channel !== keep) this.byChannel.delete(channel);
    }
  }

  /** A new role takes effect on the next call of every session of the user (an admin may demote itself). */
  changeRole(userId: number, role: Role): void {
    for (const session of this.byChannel.values()) if (session.userId === userId) session.role = role;
  }
}
