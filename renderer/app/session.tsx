import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { SessionInfo, StaffDto } from '../../shared/api';
import { roleAtLeast, type Role } from '../../shared/roles';
import { call, setGlobalErrorListener } from '../api';

export type Phase = 'loading' | 'unreachable' | 'setup' | 'login' | 'ready';

interface SessionState {
  phase: Phase;
  session: SessionInfo | null;
  /** A message for the login screen: why the person is back there (session ended, account locked). */
  notice: string | null;
}

export interface SessionContextValue extends SessionState {
  /** A login, a first-run setup or an unlock succeeded. */
  signedIn: (session: SessionInfo) => void;
  /** Shows the lock screen now and tells the main process. */
  lockNow: () => void;
  logout: () => Promise<void>;
  /** Back to the login screen, with the reason. */
  endSession: (notice: string | null) => void;
  setIdleLockMinutes: (minutes: number) => void;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in staff member; only for screens rendered inside the shell. */
export function useCurrentUser(): { user: StaffDto; can: (role: Role) => boolean } {
  const { session } = useSession();
  if (!session) throw new Error('useCurrentUser without a session');
  const user = session.user;
  return { user, can: (role: Role) => roleAtLeast(user.role, role) };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'loading', session: null, notice: null });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const applyStatus = useCallback((result: Awaited<ReturnType<typeof call<'auth.status'>>>) => {
    if (!result.ok) {
      setState({ phase: 'unreachable', session: null, notice: result.error.message });
      return;
    }
    const { setupNeeded, session } = result.value;
    setState((previous) => ({
      phase: setupNeeded ? 'setup' : session ? 'ready' : 'login',
      session,
      notice: session ? null : previous.notice,
    }));
  }, []);

  const reload = useCallback(async () => {
    applyStatus(await call('auth.status', {}));
  }, [applyStatus]);

  const endSession = useCallback(
    (notice: string | null) => {
      queryClient.clear();
      setState({ phase: 'login', session: null, notice });
    },
    [queryClient],
  );

  const signedIn = useCallback(
    (session: SessionInfo) => {
      setState({ phase: 'ready', session, notice: null });
      // Whatever failed while locked (or belonged to someone else) is fetched again.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const lockNow = useCallback(() => {
    setState((previous) =>
      previous.session ? { ...previous, session: { ...previous.session, locked: true } } : previous,
    );
    void call('auth.lock', {});
  }, []);

  const logout = useCallback(async () => {
    await call('auth.logout', {});
    endSession(null);
    void navigate('/');
  }, [endSession, navigate]);

  const setIdleLockMinutes = useCallback((minutes: number) => {
    setState((previous) =>
      previous.session ? { ...previous, session: { ...previous.session, idleLockMinutes: minutes } } : previous,
    );
  }, []);

  useEffect(() => {
    void call('auth.status', {}).then(applyStatus);
  }, [applyStatus]);

  // Any screen's call can reveal that the main process locked the session or ended it.
  useEffect(
    () =>
      setGlobalErrorListener((error) => {
        if (error.code === 'SESSION_LOCKED') {
          setState((previous) =>
            previous.session ? { ...previous, session: { ...previous.session, locked: true } } : previous,
          );
        } else if (error.code === 'UNAUTHENTICATED') {
          endSession(error.message);
        }
      }),
    [endSession],
  );

  // In Electron the main process says when the session changed behind the window's back.
  useEffect(() => window.guichet?.onEvent(() => void reload()), [reload]);

  const value = useMemo<SessionContextValue>(
    () => ({ ...state, signedIn, lockNow, logout, endSession, setIdleLockMinutes, reload }),
    [state, signedIn, lockNow, logout, endSession, setIdleLockMinutes, reload],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
