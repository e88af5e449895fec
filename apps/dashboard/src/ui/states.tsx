import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplain } from '../i18n/refusals';
import type { ApiError } from '../api/api-error';
import type { Load } from './use-load';

/** `reserve`: hold a screen's height for content known to be long, so the content after it does not move. */
export function Loading({ what, reserve = false }: { what: string; reserve?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={reserve ? 'state state-loading state-reserve' : 'state state-loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('state.loading', { what })}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorState({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useTranslation();
  const refusal = useExplain().refusal(error);
  const hint = error.status === 404 ? t('state.hintNotFound') : error.status === 401 ? t('state.hintSignIn') : error.status === 403 ? t('state.hintRole') : null;
  // Asking again changes nothing for what does not exist or is not yours: a retry is offered only where it may help.
  const worthRetrying = error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  return (
    <div className="state state-error" role="alert">
      <h2 className="state-heading">{error.status === 404 ? t('state.notFound') : error.status === 403 ? t('state.notAllowed') : t('state.couldNotLoad')}</h2>
      <p>
        {refusal.text} {hint}
      </p>
      {refusal.detail && (
        <p className="muted" lang="en">
          {refusal.detail}
        </p>
      )}
      {retry && worthRetrying && (
        <button type="button" className="button-secondary" onClick={retry}>
          {t('state.tryAgain')}
        </button>
      )}
    </div>
  );
}

/** Renders one load: a spinner, the error with a retry, or the content. */
export function Loaded<T>({ load, what, retry, children }: { load: Load<T>; what: string; retry?: () => void; children: (data: T) => ReactNode }) {
  if (load.state === 'loading') return <Loading what={what} />;
  if (load.state === 'failed') return <ErrorState error={load.error} retry={retry} />;
  return <>{children(load.data)}</>;
}
