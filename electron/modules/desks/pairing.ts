import { randomInt, timingSafeEqual } from 'node:crypto';

/** How long a pairing code works, and how many wrong codes burn it. */
export const PAIRING_VALIDITY_MS = 10 * 60_000;
export const PAIRING_MAX_ATTEMPTS = 5;

export type PairingCheck = 'ok' | 'none' | 'expired' | 'wrong' | 'exhausted';

interface ActiveCode {
  digits: string;
  expiresAt: number;
  attempts: number;
}

/**
 * The one pairing code of an office server, in memory: a new code replaces the last; it works once, for ten minutes;
 * every wrong code offered counts against it, and the fifth wrong one burns it (an admin makes a new one). Eight digits
 * and five tries give a stranger on the LAN one chance in twenty million.
 */
export class PairingCodes {
  private active: ActiveCode | null = null;

  issue(now: number): { code: string; expiresAt: number } {
    const digits = String(randomInt(0, 100_000_000)).padStart(8, '0');
    this.active = { digits, expiresAt: now + PAIRING_VALIDITY_MS, attempts: 0 };
    return { code: `${digits.slice(0, 4)}-${digits.slice(4)}`, expiresAt: this.active.expiresAt };
  }

  /** Checks a code offered by a desk and, when it is right, uses it up. */
  consume(offered: string, now: number): PairingCheck {
    const active = this.active;
    if (!active) return 'none';
    if (now > active.expiresAt) {
      this.active = null;
      return 'expired';
    }
    const digits = offered.replace('-', '');
    const right = digits.length === 8 && timingSafeEqual(Buffer.from(digits), Buffer.from(active.digits));
    if (right) {
      this.active = null;
      return 'ok';
    }
    active.attempts++;
    if (active.attempts >= PAIRING_MAX_ATTEMPTS) {
      this.active = null;
      return 'exhausted';
    }
    return 'wrong';
  }
}
