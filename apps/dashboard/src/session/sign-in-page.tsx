import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { DemoUser, Page } from '../api/api-types';
import { navigate, takeDestination } from '../routes';
import { humanise, listOf } from '../ui/format';
import { ErrorState, Loading } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { useSession } from './session';

const ROLE_ORDER = ['donor', 'implementer', 'beneficiary', 'evaluator', 'admin'] as const;

/** Demo users where the server offers them (embedded default with demo data); a pasted token otherwise. */
export function SignInPage() {
  const { signInAsDemoUser, signInWithToken } = useSession();
  const { t } = useTranslation();
  const [users] = useLoad((signal) => getJson<Page<DemoUser>>('/api/auth/demo-users', signal), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [token, setToken] = useState('');

  async function signIn(action: () => Promise<void>, who: string) {
    setBusy(who);
    setError(null);
    try {
      await action();
      navigate(takeDestination() ?? { page: 'home' });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(null);
    }
  }

  function submitToken(event: FormEvent) {
    event.preventDefault();
    void signIn(() => signInWithToken(token.trim()), 'token');
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      {error && <ErrorState error={error} />}
      {users.state === 'loading' && <Loading what={t('signIn.demoUsersLoading')} reserve />}
      {users.state === 'ready' && (
        <section aria-labelledby="demo-users">
          <h2 id="demo-users">{t('signIn.demoUsers')}</h2>
          <p className="muted">{t('signIn.demoIntro')}</p>
          {ROLE_ORDER.map((role) => {
            const people = users.data.items.filter((u) => u.roles[0] === role);
            if (people.length === 0) return null;
            return (
              <div key={role} className="user-group">
                <h3>{t(`signIn.group.${role}`)}</h3>
                <ul className="user-list">
                  {people.map((user) => (
                    <li key={user.name}>
                      <button
                        type="button"
                        className="user-card"
                        data-user={user.name}
                        disabled={busy !== null}
                        onClick={() => void signIn(() => signInAsDemoUser(user.name), user.name)}
                      >
                        <strong>{user.displayName}</strong>
                        <span>{listOf(user.roles.map(humanise))}</span>
                        <span className="muted">{user.task}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      )}
      <section aria-labelledby="token-sign-in" className="card">
        <h2 id="token-sign-in">{t('signIn.withToken')}</h2>
        {users.state === 'failed' && (
          <p>
            <Trans i18nKey="signIn.demoOff" components={{ code: <code /> }} />
          </p>
        )}
        <form onSubmit={submitToken} className="form-row">
          <label htmlFor="token">{t('signIn.token')}</label>
          <input id="token" name="token" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} required />
          <button type="submit" disabled={busy !== null || token.trim() === ''}>
            {t('signIn.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
