import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import type { Load } from './use-load';

/** `reserve`: hold a screen's height for content known to be long, so the content after it does not move. */
export function Loading({ what, reserve = false }: { what: string; reserve?: boolean }) {
  return (
    <div className={reserve ? 'state state-loading state-reserve' : 'state state-loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorState({ error, retry }: { error: ApiError; retry?: () => void }) {
  const hint =
    error.status === 404
      ? 'It does not exist, or your organisation is not a party to it.'
      : error.status === 401
        ? 'Please sign in again.'
        : error.status === 403
          ? 'Your role does not allow this.'
          : null;
  // Asking again changes nothing for what does not exist or is not yours: a retry is offered only where it may help.
  const worthRetrying = error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  return (
    <div className="state state-error" role="alert">
      <h2 className="state-heading">{error.status === 404 ? 'Not found' : error.status === 403 ? 'Not allowed' : 'Could not load this'}</h2>
      <p>
        {error.message} {hint}
      </p>
      {retry && worthRetrying && (
        <button type="button" className="button-secondary" onClick={retry}>
          Try again
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
