import { useEffect } from 'react';
import { request } from '../api';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;
const PING_EVERY_MS = 60_000;

/**
 * Locks the workstation after `minutes` without mouse or keyboard activity. While the person is active, the main
 * process is told so (auth.ping) at most once a minute, or every half idle delay when that is shorter, so that its own
 * idle lock never fires under someone who is typing a long form without saving.
 */
export function useIdleLock({ active, minutes, onIdle }: { active: boolean; minutes: number; onIdle: () => void }) {
  useEffect(() => {
    if (!active) return;
    const idleMs = minutes * 60_000;
    const pingEvery = Math.min(PING_EVERY_MS, idleMs / 2);
    let lastActivity = Date.now();
    let lastPing = lastActivity;

    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastPing >= pingEvery) {
        lastPing = lastActivity;
        // A SESSION_LOCKED answer is routed to the lock screen by the client; nothing else to do here.
        request('auth.ping', {}).catch(() => undefined);
      }
    };
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= idleMs) onIdle();
    }, CHECK_EVERY_MS);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [active, minutes, onIdle]);
}
