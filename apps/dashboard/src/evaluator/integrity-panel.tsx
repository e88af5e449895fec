import { useState } from 'react';
import { getJson, getText } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { Verification } from '../api/api-types';
import { eventTypeLabel } from '../ui/format';
import { ErrorState, Loading } from '../ui/states';

/** Export the events for an offline check, and verify the hash chain as stored. */
export function IntegrityPanel({ id }: { id: string }) {
  const [verification, setVerification] = useState<{ state: 'idle' } | { state: 'loading' } | { state: 'ready'; result: Verification } | { state: 'failed'; error: ApiError }>({
    state: 'idle',
  });
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const path = `/api/partnerships/${encodeURIComponent(id)}`;

  async function verify() {
    setVerification({ state: 'loading' });
    try {
      setVerification({ state: 'ready', result: await getJson<Verification>(`${path}/verify`) });
    } catch (error) {
      setVerification({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'client', String(error)) });
    }
  }

  // The export needs the bearer token, so a plain link cannot fetch it: the file is fetched, then saved.
  async function download(format: 'jsonl' | 'csv') {
    setExporting(format);
    setExportError(null);
    try {
      const text = await getText(`${path}/export?format=${format}`);
      const url = URL.createObjectURL(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${id}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError(error instanceof ApiError ? error : new ApiError(0, 'client', String(error)));
    } finally {
      setExporting(null);
    }
  }

  return (
    <section className="card" aria-labelledby="integrity-heading" data-testid="integrity">
      <h2 id="integrity-heading">Export and verify</h2>
      <p className="muted">
        Each event carries the hash of the one before it: a changed or missing event breaks the chain at that point. The exported file keeps every event with its hash, so whoever
        holds it can check the record again later, away from this tracker.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void download('jsonl')} disabled={exporting !== null}>
          Export JSON Lines
        </button>
        <button type="button" className="button-secondary" onClick={() => void download('csv')} disabled={exporting !== null}>
          Export CSV
        </button>
        <button type="button" onClick={() => void verify()} disabled={verification.state === 'loading'}>
          Verify the hash chain
        </button>
      </div>
      {exportError && <ErrorState error={exportError} />}
      {verification.state === 'loading' && <Loading what="the verification" />}
      {verification.state === 'failed' && <ErrorState error={verification.error} retry={() => void verify()} />}
      {verification.state === 'ready' &&
        (verification.result.ok ? (
          <p className="banner-ok" role="status" data-testid="verify-result">
            ✔ Intact: all {verification.result.eventsChecked} events chain up to head hash <code>{verification.result.headHash?.slice(0, 16)}…</code>
          </p>
        ) : (
          <p className="banner-error" role="alert" data-testid="verify-result">
            ✖ Broken at revision {verification.result.firstBroken?.revision} ({eventTypeLabel(verification.result.firstBroken?.type ?? '')}, event{' '}
            {verification.result.firstBroken?.eventId}): {verification.result.firstBroken?.reason}. Events from there on cannot be trusted as recorded.
          </p>
        ))}
    </section>
  );
}
