import { lazy, Suspense, useEffect } from 'react';
import { href, navigate, rememberDestination, useRoute, type Route } from './routes';
import { hasRole, useSession, type SignedInUser } from './session/session';
import { SignInPage } from './session/sign-in-page';
import { humanise } from './ui/format';
import { Loading } from './ui/states';

// Each page is its own chunk: the sign-in page, the first a visitor sees, downloads no page it does not show.
const BeneficiaryPage = lazy(() => import('./beneficiary/beneficiary-page').then((m) => ({ default: m.BeneficiaryPage })));
const OperationsPage = lazy(() => import('./operations/operations-page').then((m) => ({ default: m.OperationsPage })));
const ReplayPage = lazy(() => import('./evaluator/replay-page').then((m) => ({ default: m.ReplayPage })));
const PartnershipPage = lazy(() => import('./partnership/partnership-page').then((m) => ({ default: m.PartnershipPage })));
const PartnershipsPage = lazy(() => import('./partnership/partnerships-page').then((m) => ({ default: m.PartnershipsPage })));
const PortfolioPage = lazy(() => import('./portfolio/portfolio-page').then((m) => ({ default: m.PortfolioPage })));
const RegistryPage = lazy(() => import('./registry/registry-page').then((m) => ({ default: m.RegistryPage })));
const WorkLogPage = lazy(() => import('./worklog/work-log-page').then((m) => ({ default: m.WorkLogPage })));

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
    else if (!session && NEEDS_SIGN_IN.has(route.page)) {
      // A deep link opened while signed out is where the person goes once signed in.
      rememberDestination(route);
      navigate({ page: 'sign-in' });
    }
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
        <Suspense fallback={<Loading what="the page" />}>
          <Page route={route} signedIn={!!session} />
        </Suspense>
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
