import { useQuery } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { gateway, type Session, signInUrl } from '../api/gateway';
import { configureHttp } from '../api/http';
import { ApiProblem } from '../api/problem';
import { useServiceStatus } from './service-status';

const SessionContext = createContext<Session | null>(null);

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/** Leaves for the gateway's sign-in, which brings the user back to where they were. */
export function signIn(): void {
  window.location.assign(signInUrl(currentPath()));
}

let csrfToken: string | null = null;

/** Loads the gateway session before any page renders; without one, the user signs in and comes back. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const markUnavailable = useServiceStatus((state) => state.markUnavailable);
  const session = useQuery({ queryKey: ['session'], queryFn: gateway.session, retry: false, staleTime: 60_000 });

  useEffect(() => {
    configureHttp({
      csrfToken: () => csrfToken,
      onSessionEnded: () => signIn(),
      onUnavailable: (service) => markUnavailable(service),
    });
  }, [markUnavailable]);

  useEffect(() => {
    if (session.data) csrfToken = session.data.csrfToken;
  }, [session.data]);

  if (session.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" aria-label={t('common.loading')} />
      </div>
    );
  }
  if (session.error) {
    if (session.error instanceof ApiProblem && session.error.problem.status === 401) {
      signIn();
      return null;
    }
    return <Result status="warning" title={t('session.unavailable')} subTitle={session.error.message} />;
  }
  csrfToken = session.data.csrfToken;
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function hasRole(session: Session, ...roles: string[]): boolean {
  return roles.some((role) => session.user.roles.includes(role));
}
