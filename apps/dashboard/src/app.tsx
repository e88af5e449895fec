import { lazy, Suspense, useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { chooseLanguage } from './i18n/i18n';
import { LANGUAGES } from './i18n/languages';
import { href, navigate, rememberDestination, useRoute, type Route } from './routes';
import { hasRole, useSession, type SignedInUser } from './session/session';
import { SignInPage } from './session/sign-in-page';
import { humanise, listOf } from './ui/format';
import { Loading } from './ui/states';

// Each page is its own chunk: the sign-in page, the first a visitor sees, downloads no page it does not show.
const BeneficiaryPage = lazy(() => import('./beneficiary/beneficiary-page').then((m) => ({ default: m.BeneficiaryPage })));
const OperationsPage = lazy(() => import('./operations/operations-page').then((m) => ({ default: m.OperationsPage })));
const EvaluationPage = lazy(() => import('./evaluator/evaluation-page').then((m) => ({ default: m.EvaluationPage })));
const ProposePage = lazy(() => import('./partnership/propose-page').then((m) => ({ default: m.ProposePage })));
const ScorecardPage = lazy(() => import('./scorecard/scorecard-page').then((m) => ({ default: m.ScorecardPage })));
const ReplayPage = lazy(() => import('./evaluator/replay-page').then((m) => ({ default: m.ReplayPage })));
const PartnershipPage = lazy(() => import('./partnership/partnership-page').then((m) => ({ default: m.PartnershipPage })));
const PartnershipsPage = lazy(() => import('./partnership/partnerships-page').then((m) => ({ default: m.PartnershipsPage })));
const PortfolioPage = lazy(() => import('./portfolio/portfolio-page').then((m) => ({ default: m.PortfolioPage })));
const RegistryPage = lazy(() => import('./registry/registry-page').then((m) => ({ default: m.RegistryPage })));
const DonorPage = lazy(() => import('./donor/donor-page').then((m) => ({ default: m.DonorPage })));
const WorkLogPage = lazy(() => import('./worklog/work-log-page').then((m) => ({ default: m.WorkLogPage })));

/** Where a person lands: a donor on the portfolio, everyone else on their partnerships. */
function homeFor(user: SignedInUser | undefined): Route {
  if (!user) return { page: 'registry' };
  return hasRole(user, 'donor') || hasRole(user, 'admin') ? { page: 'portfolio' } : { page: 'partnerships' };
}

/** Who may propose a partnership: its first party, in one of these roles. */
const PROPOSERS = ['beneficiary', 'implementer', 'donor'] as const;
const NEEDS_SIGN_IN: ReadonlySet<Route['page']> = new Set([
  'portfolio',
  'partnerships',
  'operations',
  'partnership',
  'work-log',
  'donor',
  'beneficiary',
  'replay',
  'evaluation',
  'propose',
]);

export function App() {
  const route = useRoute();
  const { session, signOut } = useSession();
  const { t, i18n } = useTranslation();
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
    { route: { page: 'portfolio' }, label: t('app.nav.portfolio'), show: !!session },
    { route: { page: 'partnerships' }, label: t('app.nav.partnerships'), show: !!session && !hasRole(user, 'admin') },
    { route: { page: 'operations' }, label: t('app.nav.operations'), show: hasRole(user, 'admin') },
    { route: { page: 'propose' }, label: t('app.nav.propose'), show: PROPOSERS.some((r) => hasRole(user, r)) },
    { route: { page: 'registry' }, label: t('app.nav.registry'), show: true },
    { route: { page: 'scorecard' }, label: t('app.nav.scorecard'), show: true },
  ];

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skipToContent')}
      </a>
      <header className="top">
        <a className="brand" href={href({ page: 'home' })}>
          {t('app.brand')}
        </a>
        <nav aria-label={t('app.mainNavigation')}>
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <a key={n.label} href={href(n.route)} aria-current={route.page === n.route.page ? 'page' : undefined}>
                {n.label}
              </a>
            ))}
        </nav>
        <div className="who">
          <label className="language">
            <span className="visually-hidden">{t('app.language')}</span>
            <select aria-label={t('app.language')} value={i18n.resolvedLanguage ?? 'en'} onChange={(e) => void chooseLanguage(e.target.value)} data-testid="language">
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          {user ? (
            <>
              <span data-testid="signed-in-as">
                {user.displayName} · {listOf(user.roles.map(humanise))}
              </span>
              <button type="button" className="button-secondary" onClick={() => (signOut(), navigate({ page: 'sign-in' }))}>
                {t('app.signOut')}
              </button>
            </>
          ) : (
            <a className="button" href={href({ page: 'sign-in' })}>
              {t('app.signIn')}
            </a>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what={t('app.thePage')} />}>
          <Page route={route} signedIn={!!session} />
        </Suspense>
      </main>
      <footer className="muted">
        {t('app.footer')} · <a href="/docs">{t('app.apiDocumentation')}</a>
      </footer>
    </>
  );
}

function Page({ route, signedIn }: { route: Route; signedIn: boolean }) {
  const { t } = useTranslation();
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
    case 'propose':
      return <ProposePage />;
    case 'scorecard':
      return <ScorecardPage />;
    case 'partnership':
      return <PartnershipPage id={route.id} />;
    case 'work-log':
      return <WorkLogPage id={route.id} />;
    case 'donor':
      return <DonorPage id={route.id} />;
    case 'beneficiary':
      return <BeneficiaryPage id={route.id} />;
    case 'replay':
      return <ReplayPage id={route.id} />;
    case 'evaluation':
      return <EvaluationPage id={route.id} />;
    case 'not-found':
      return (
        <>
          <h1 tabIndex={-1}>{t('app.notFound.title')}</h1>
          <p>
            <Trans i18nKey="app.notFound.body" values={{ path: route.path }} components={{ code: <code /> }} /> <a href={href({ page: 'home' })}>{t('app.notFound.home')}</a>.
          </p>
        </>
      );
  }
}
