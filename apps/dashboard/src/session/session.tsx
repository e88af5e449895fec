import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureAuth, getJson, postJson } from '../api/api-client';
import type { DemoUser, Me } from '../api/api-types';

export interface SignedInUser {
  readonly name: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
}

interface Session {
  readonly token: string;
  readonly user: SignedInUser;
}

interface SessionContext {
  readonly session: Session | null;
  signInAsDemoUser(name: string): Promise<void>;
  signInWithToken(token: string): Promise<void>;
  signOut(): void;
}

// Per tab, never localStorage: a shared computer forgets the token when the tab closes.
const STORAGE_KEY = 'ccb-tracker.session';
const Context = createContext<SessionContext | null>(null);

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);

  const keep = useCallback((next: Session | null) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    configureAuth(next?.token ?? null, () => keep(null));
    setSession(next);
  }, []);

  // Set synchronously on every render too, so the first requests of a restored session carry the token.
  configureAuth(session?.token ?? null, () => keep(null));

  // A session restored from the tab may hold an expired token: asking once lets a 401 sign it out at
  // once, rather than on the first page that fails.
  useEffect(() => {
    if (session) getJson<Me>('/api/auth/me').catch(() => undefined);
  }, [session]);

  const value = useMemo<SessionContext>(
    () => ({
      session,
      async signInAsDemoUser(name) {
        const answer = await postJson<{ token: string; user: DemoUser }>('/api/auth/demo-sign-in', { user: name });
        keep({ token: answer.token, user: answer.user });
      },
      async signInWithToken(token) {
        configureAuth(token, () => keep(null));
        try {
          const me = await getJson<Me>('/api/auth/me');
          keep({ token, user: { name: me.userId, displayName: me.userId, organisationId: me.organisationId, roles: me.roles } });
        } catch (error) {
          configureAuth(session?.token ?? null, () => keep(null));
          throw error;
        }
      },
      signOut() {
        keep(null);
      },
    }),
    [session, keep],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export function hasRole(user: SignedInUser | undefined | null, role: string): boolean {
  return !!user && user.roles.includes(role);
}
