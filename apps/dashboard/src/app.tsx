import { useEffect } from 'react';
import { BeneficiaryPage } from './beneficiary/beneficiary-page';
import { OperationsPage } from './operations/operations-page';
import { ReplayPage } from './evaluator/replay-page';
import { PartnershipPage } from './partnership/partnership-page';
import { PartnershipsPage } from './partnership/partnerships-page';
import { PortfolioPage } from './portfolio/portfolio-page';
import { RegistryPage } from './registry/registry-page';
import { href, navigate, useRoute, type Route } from './routes';
import { hasRole, useSession, type SignedInUser } from './session/session';
import { SignInPage } from './session/sign-in-page';
import { humanise } from './ui/format';
import { WorkLogPage } from './worklog/work-log-page';

/** Where a person lands: a donor on the portfolio, everyone else on their partnerships. */
function homeFor(user: SignedInUser | undefined): Route {
  if (!user) return { page: 'registry' };
  return hasRole(user, 'donor') || hasRole(user, 'admin') ? { page: 'portfolio' } : { page: 'partnerships' };
}

const NEEDS_SIGN_IN: ReadonlySet<Route['page']> = new Set(['portfolio', 'partnerships', 'operations', 'partnership', 'work-log', 'beneficiary', 'replay']);

export function App() {
  const route = useRoute();
  const { session, signOut } = useSession();
  const user = session?.user;

  useEffect(() => {
    if (route.page === 'home') navigate(session ? homeFor(user) : { page: 'sign-in' });
    else if (!session && NEEDS_SIGN_IN.has(route.page)) navigate({ page: 'sign-in' });
  }, [route, session, user]);

  const nav: { route: Route; label: string; show: boolean }[] = [
    { route: { page: 'portfolio' }, label: 'Portfolio', show: !!session },
    { route: { page: 'partnerships' }, label: 'My partnerships', show: !!session && !hasRole(user, 'admin') },
    { route: { page: 'operations' }, label: 'Operations', show: hasRole(user, 'admin') },
    { route: { page: 'registry' }, label: 'Public registry', show: true },
  ];

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href={href({ page: 'home' })}>
          Partnership tracker
        </a>
        <nav aria-label="Main">
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <a key={n.label} href={href(n.route)} aria-current={route.page === n.route.page ? 'page' : undefined}>
                {n.label}
              </a>
            ))}
        </nav>
        <div className="who">
          {user ? (
            <>
              <span data-testid="signed-in-as">
                {user.displayName} · {user.roles.map(humanise).join(', ')}
              </span>
              <button type="button" className="button-secondary" onClick={() => (signOut(), navigate({ page: 'sign-in' }))}>
                Sign out
              </button>
            </>
          ) : (
            <a className="button" href={href({ page: 'sign-in' })}>
              Sign in
            </a>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} signedIn={!!session} />
      </main>
      <footer className="muted">
        Event-sourced record of donor–implementer–beneficiary partnerships · <a href="/docs">API documentation</a>
      </footer>
    </>
  );
}

function Page({ route, signedIn }: { route: Route; signedIn: boolean }) {
  if (!signedIn && NEEDS_SIGN_IN.has(route.page)) return null;
  switch (route.page) {
    case 'home':
      return null;
    case 'sign-in':
      return <SignInPage />;
    case 'registry':
      return <RegistryPage />;
    case 'portfolio':
      return <PortfolioPage />;
    case 'partnerships':
      return <PartnershipsPage />;
    case 'operations':
      return <OperationsPage />;
    case 'partnership':
      return <PartnershipPage id={route.id} />;
    case 'work-log':
      return <WorkLogPage id={route.id} />;
    case 'beneficiary':
      return <BeneficiaryPage id={route.id} />;
    case 'replay':
      return <ReplayPage id={route.id} />;
    case 'not-found':
      return (
        <>
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            There is no page at <code>{route.path}</code>. <a href={href({ page: 'home' })}>Go to the start</a>.
          </p>
        </>
      );
  }
}
