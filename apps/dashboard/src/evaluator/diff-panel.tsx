import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSentence } from '../i18n/sentences';
import { getJson } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { Diff, HistoryEvent } from '../api/api-types';
import { formatDate } from '../ui/format';
import { Field } from '../ui/form';
import { ErrorState, Loading } from '../ui/states';

/** What changed between two revisions, in sentences, with every event in between. */
export function DiffPanel({ id, history }: { id: string; history: readonly HistoryEvent[] }) {
  const { t } = useTranslation();
  const said = useSentence();
  const head = history.length - 1;
  const [from, setFrom] = useState(String(Math.max(0, head - 10)));
  const [to, setTo] = useState(String(head));
  const [result, setResult] = useState<{ state: 'idle' } | { state: 'loading' } | { state: 'ready'; diff: Diff } | { state: 'failed'; error: ApiError }>({ state: 'idle' });
  async function compare(event: FormEvent) {
    event.preventDefault();
    setResult({ state: 'loading' });
    try {
      const diff = await getJson<Diff>(`/api/partnerships/${encodeURIComponent(id)}/diff?fromRevision=${encodeURIComponent(from)}&toRevision=${encodeURIComponent(to)}`);
      setResult({ state: 'ready', diff });
    } catch (error) {
      setResult({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'client', String(error)) });
    }
  }
  const error = result.state === 'failed' ? result.error : null;
  return (
    <section className="card" aria-labelledby="diff-heading" data-testid="diff">
      <h2 id="diff-heading">{t('replay.diff.title')}</h2>
      <form onSubmit={compare} noValidate className="fields">
        <Field label={t('replay.diff.from')} name="fromRevision" error={error} hint={history[Number(from)] ? formatDate(history[Number(from)].recordedAt) : undefined}>
          {(p) => <input {...p} type="number" min={0} max={head} value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={t('replay.diff.to')} name="toRevision" error={error} hint={history[Number(to)] ? formatDate(history[Number(to)].recordedAt) : undefined}>
          {(p) => <input {...p} type="number" min={0} max={head} value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit">{t('replay.diff.compare')}</button>
        </div>
      </form>
      {result.state === 'loading' && <Loading what={t('replay.diff.loading')} />}
      {error && error.fieldErrors.length === 0 && <ErrorState error={error} />}
      {result.state === 'ready' && (
        <div data-testid="diff-result">
          <h3>
            {t('replay.diff.heading', {
              from: result.diff.from.revision,
              fromDate: formatDate(result.diff.from.recordedAt),
              to: result.diff.to.revision,
              toDate: formatDate(result.diff.to.recordedAt),
            })}
          </h3>
          {result.diff.reversed && (
            <p className="muted" data-testid="diff-reversed">
              {t('replay.diff.reversed')}
            </p>
          )}
          {result.diff.changeSentences.length === 0 ? (
            <p>{t('replay.diff.nothing')}</p>
          ) : (
            <ul className="sentences" data-testid="diff-changes">
              {result.diff.changeSentences.map((c, i) => (
                <li key={i}>{said(c)}</li>
              ))}
            </ul>
          )}
          <details>
            <summary>{t('replay.diff.events', { count: result.diff.eventsTotal })}</summary>
            <ul className="sentences">
              {result.diff.events.map((e) => (
                <li key={e.revision}>
                  {e.revision}. {formatDate(e.recordedAt)} · {said(e.sentence)}
                </li>
              ))}
            </ul>
            {result.diff.eventsTotal > result.diff.events.length && (
              <p className="muted">{t('replay.diff.firstShown', { shown: result.diff.events.length, count: result.diff.eventsTotal })}</p>
            )}
          </details>
        </div>
      )}
    </section>
  );
}
