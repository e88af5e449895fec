import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { getJson, getText } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { Verification } from '../api/api-types';
import { eventTypeLabel } from '../ui/format';
import { ErrorState, Loading } from '../ui/states';

/** Export the events for an offline check, and verify the hash chain as stored. */
export function IntegrityPanel({ id }: { id: string }) {
  const { t } = useTranslation();
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
      <h2 id="integrity-heading">{t('replay.integrity.title')}</h2>
      <p className="muted">{t('replay.integrity.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => void download('jsonl')} disabled={exporting !== null}>
          {t('replay.integrity.jsonl')}
        </button>
        <button type="button" className="button-secondary" onClick={() => void download('csv')} disabled={exporting !== null}>
          {t('replay.integrity.csv')}
        </button>
        <button type="button" onClick={() => void verify()} disabled={verification.state === 'loading'}>
          {t('replay.integrity.verify')}
        </button>
      </div>
      {exportError && <ErrorState error={exportError} />}
      {verification.state === 'loading' && <Loading what={t('replay.integrity.loading')} />}
      {verification.state === 'failed' && <ErrorState error={verification.error} retry={() => void verify()} />}
      {verification.state === 'ready' &&
        (verification.result.ok ? (
          <p className="banner-ok" role="status" data-testid="verify-result">
            <Trans
              i18nKey="replay.integrity.intact"
              values={{ events: verification.result.eventsChecked, hash: `${verification.result.headHash?.slice(0, 16) ?? ''}…` }}
              components={{ code: <code /> }}
            />
          </p>
        ) : (
          <p className="banner-error" role="alert" data-testid="verify-result">
            {t('replay.integrity.broken', {
              revision: verification.result.firstBroken?.revision,
              type: eventTypeLabel(verification.result.firstBroken?.type ?? ''),
              eventId: verification.result.firstBroken?.eventId,
              reason: verification.result.firstBroken?.reason,
            })}
          </p>
        ))}
    </section>
  );
}
