import { useState } from 'react';
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
  return (
    <section className="card" aria-labelledby="travel-heading" data-testid="time-travel">
      <h2 id="travel-heading">Travel in time</h2>
      <label htmlFor="revision-slider">
        Revision <strong data-testid="slider-revision">{revision}</strong> of {head}: {event ? `${formatDate(event.recordedAt)}, ${eventTypeLabel(event.type)}` : ''}
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
        aria-valuetext={event ? `revision ${revision}, ${formatDate(event.recordedAt)}: ${event.summary}` : String(revision)}
      />
      <div className="slider-ends muted" aria-hidden="true">
        <span>{formatDate(history[0]?.recordedAt)}</span>
        <span>{formatDate(history[head]?.recordedAt)}</span>
      </div>
      {event && <p className="muted">{event.summary}</p>}
      <div className="form-row">
        <label htmlFor="valid-at">True on (the facts' own dates)</label>
        <input id="valid-at" type="date" value={validAt} onChange={(e) => setValidAt(e.target.value)} />
        {validAt && (
          <button type="button" className="link" onClick={() => setValidAt('')}>
            show everything recorded
          </button>
        )}
      </div>
      <Loaded load={asOf} what={`the partnership as of revision ${settled}`} retry={reload}>
        {(state) => (
          <div data-testid="as-of" data-revision={state.asOf.revision}>
            <p data-testid="as-of-axes">
              {state.asOf.validAt ? (
                <>
                  What was true on <strong>{formatDate(state.asOf.validAt)}</strong>, as the record said on {formatDate(state.asOf.recordedAt)} (revision {state.asOf.revision})
                </>
              ) : (
                <>
                  What the record said on <strong>{formatDate(state.asOf.recordedAt)}</strong> (revision {state.asOf.revision})
                </>
              )}
              {state.partnership ? (
                <>
                  : phase <strong data-testid="as-of-phase">{humanise(state.partnership.phase)}</strong>
                  {state.partnership.suspended ? ' (suspended)' : ''}, {state.partnership.parties.length} parties, {state.partnership.milestones.length} milestones,{' '}
                  {state.partnership.activities.length} activities, local-ownership index <strong data-testid="as-of-index">{formatIndex(state.localOwnership?.index)}</strong>.
                </>
              ) : (
                <>: not yet proposed.</>
              )}
            </p>
            <p className="muted">Parties then: {state.partnership?.parties.map((p) => `${nameOf(p.organisationId)} (${p.role})`).join('; ') || 'none'}</p>
            {state.funding.length === 0 ? (
              <Empty>No money committed, disbursed or spent yet at this point.</Empty>
            ) : (
              <DataTable
                caption="Money as of this point"
                testId="as-of-money"
                rows={figuresByCurrency(state.funding)}
                rowKey={(f) => f.currency}
                columns={[
                  { header: 'Currency', cell: (f) => f.currency },
                  { header: 'Committed', cell: (f) => formatMoney(f.committed, f.currency), numeric: true },
                  { header: 'Disbursed', cell: (f) => formatMoney(f.disbursed, f.currency), numeric: true },
                  { header: 'Spent', cell: (f) => formatMoney(f.spent, f.currency), numeric: true },
                ]}
              />
            )}
          </div>
        )}
      </Loaded>
      <h3 id="timeline-heading">Timeline</h3>
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
                <span className="visually-hidden">, go to revision {e.revision}</span>
              </button>{' '}
              · {e.summary}{' '}
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
