import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSentence } from '../i18n/sentences';
import { getJson } from '../api/api-client';
import type { AsOf, HistoryEvent } from '../api/api-types';
import { useOrganisationNames } from '../session/organisations';
import { useSession } from '../session/session';
import { DataTable } from '../ui/data-table';
import { eventTypeLabel, formatDate, formatIndex, formatMoney, humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { figuresByCurrency } from './replay-figures';
import { useSettled } from '../ui/use-settled';

export function TimeTravel({ id, history }: { id: string; history: readonly HistoryEvent[] }) {
  const { t } = useTranslation();
  const said = useSentence();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const head = history.length - 1;
  const [revision, setRevision] = useState(head);
  // The second axis: what was true on a day (the facts' own dates), as the record said at the revision.
  const [validAt, setValidAt] = useState('');
  const settled = useSettled(revision);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(validAt) ? validAt : null;
  const [asOf, reload] = useLoad(
    (signal) => getJson<AsOf>(`/api/partnerships/${encodeURIComponent(id)}/as-of?revision=${settled}${valid ? `&validAt=${valid}` : ''}`, signal),
    [id, settled, valid],
    { keepPrevious: true },
  );
  const event = history[revision];
  /** The record as it stood at the end of that day (UTC): the last event recorded by then, or the first one. */
  function goToDate(date: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const end = `${date}T23:59:59.999Z`;
    let last = 0;
    for (const e of history) if (e.recordedAt <= end) last = e.revision;
    setRevision(last);
  }
  return (
    <section className="card" aria-labelledby="travel-heading" data-testid="time-travel">
      <h2 id="travel-heading">{t('replay.travel.title')}</h2>
      <label htmlFor="revision-slider">
        <Trans i18nKey="replay.travel.revisionOf" values={{ revision, head }} components={{ strong: <strong data-testid="slider-revision" /> }} />
        {event ? ` ${formatDate(event.recordedAt)}, ${eventTypeLabel(event.type)}` : ''}
      </label>
      <input
        id="revision-slider"
        className="slider"
        type="range"
        min={0}
        max={head}
        step={1}
        value={revision}
        onChange={(e) => setRevision(Number(e.target.value))}
        aria-valuetext={event ? t('replay.travel.valueText', { revision, date: formatDate(event.recordedAt), summary: said(event.sentence) }) : String(revision)}
      />
      <div className="slider-ends muted" aria-hidden="true">
        <span>{formatDate(history[0]?.recordedAt)}</span>
        <span>{formatDate(history[head]?.recordedAt)}</span>
      </div>
      {event && <p className="muted">{said(event.sentence)}</p>}
      <div className="form-row">
        <label htmlFor="record-on">{t('replay.travel.recordOn')}</label>
        <input id="record-on" type="date" value={event ? event.recordedAt.slice(0, 10) : ''} onChange={(e) => goToDate(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor="valid-at">{t('replay.travel.trueOn')}</label>
        <input id="valid-at" type="date" value={validAt} onChange={(e) => setValidAt(e.target.value)} />
        {validAt && (
          <button type="button" className="link" onClick={() => setValidAt('')}>
            {t('replay.travel.showAll')}
          </button>
        )}
      </div>
      <Loaded load={asOf} what={t('replay.travel.loading', { revision: settled })} retry={reload}>
        {(state) => (
          <div data-testid="as-of" data-revision={state.asOf.revision}>
            <p data-testid="as-of-axes">
              {state.asOf.validAt ? (
                <Trans
                  i18nKey="replay.travel.trueOnAxes"
                  values={{ validAt: formatDate(state.asOf.validAt), recordedAt: formatDate(state.asOf.recordedAt), revision: state.asOf.revision }}
                  components={{ strong: <strong /> }}
                />
              ) : (
                <Trans
                  i18nKey="replay.travel.recordAxes"
                  values={{ recordedAt: formatDate(state.asOf.recordedAt), revision: state.asOf.revision }}
                  components={{ strong: <strong /> }}
                />
              )}
              {state.partnership ? (
                <Trans
                  i18nKey={state.partnership.suspended ? 'replay.travel.stateSuspended' : 'replay.travel.state'}
                  values={{
                    phase: humanise(state.partnership.phase),
                    parties: state.partnership.parties.length,
                    milestones: state.partnership.milestones.length,
                    activities: state.partnership.activities.length,
                    index: formatIndex(state.localOwnership?.index),
                  }}
                  components={{ phase: <strong data-testid="as-of-phase" />, index: <strong data-testid="as-of-index" /> }}
                />
              ) : (
                t('replay.travel.notProposed')
              )}
            </p>
            <p className="muted">
              {t('replay.travel.partiesThen', {
                parties: state.partnership?.parties.map((p) => `${nameOf(p.organisationId)} (${humanise(p.role)})`).join('; ') || t('overview.noneYet'),
              })}
            </p>
            {state.funding.length === 0 ? (
              <Empty>{t('replay.travel.noMoney')}</Empty>
            ) : (
              <DataTable
                caption={t('replay.travel.moneyCaption')}
                testId="as-of-money"
                rows={figuresByCurrency(state.funding)}
                rowKey={(f) => f.currency}
                columns={[
                  { header: t('overview.currency'), cell: (f) => f.currency },
                  { header: t('overview.committed'), cell: (f) => formatMoney(f.committed, f.currency), numeric: true },
                  { header: t('overview.disbursed'), cell: (f) => formatMoney(f.disbursed, f.currency), numeric: true },
                  { header: t('overview.spent'), cell: (f) => formatMoney(f.spent, f.currency), numeric: true },
                ]}
              />
            )}
          </div>
        )}
      </Loaded>
      <h3 id="timeline-heading">{t('replay.travel.timeline')}</h3>
      <div className="timeline" tabIndex={0} role="region" aria-labelledby="timeline-heading">
        <ol start={0} className="sentences" data-testid="timeline">
          {history.map((e) => (
            <li
              key={e.eventId}
              className={e.revision > revision ? 'later' : e.revision === revision ? 'current' : undefined}
              aria-current={e.revision === revision ? 'step' : undefined}
            >
              <button type="button" className="link" onClick={() => setRevision(e.revision)}>
                {formatDate(e.recordedAt)}
                <span className="visually-hidden">{t('replay.travel.goTo', { revision: e.revision })}</span>
              </button>{' '}
              · {said(e.sentence)}{' '}
              <span className="muted">
                ({e.actor}
                {e.organisation ? `, ${nameOf(e.organisation)}` : ''})
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
