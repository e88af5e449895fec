import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { ExchangeRateSets, Organisation, Page } from '../api/api-types';
import { useSession } from '../session/session';
import { DataTable } from '../ui/data-table';
import { formatDate, humanise } from '../ui/format';
import { Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { RegisterOrganisationForm } from './register-organisation-form';
import { ExchangeRatesCard } from './exchange-rates-card';
import { IatiImportCard } from './iati-import-card';

interface ParkedEvent {
  readonly eventId: string;
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventType: string;
  readonly errorClass: string;
  readonly errorMessage: string;
  readonly parkedAt: string;
}

interface ProjectionStatus {
  readonly projection: string;
  readonly status: 'ok' | 'degraded';
  readonly parked: number;
  readonly parkedEvents: readonly ParkedEvent[];
  readonly checkpoint: string | null;
  readonly head: string | null;
  readonly eventsBehind: number;
  readonly eventsBehindAtLeast: boolean;
  readonly secondsBehind: number | null;
  readonly eventsProcessed: number;
  readonly updatedAt: string | null;
}

type RegisteredOrganisation = Organisation & { readonly region: string; readonly registeredAt: string; readonly partnerships: number; readonly roles: readonly string[] };

/** The operator's view: are the read models caught up with the events, who is registered, which rates convert money. */
export function OperationsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [data, reload] = useLoad(
    async (signal) => {
      const [projections, organisations, rates] = await Promise.all([
        getJson<{ items: ProjectionStatus[] }>('/api/projections', signal),
        getJson<Page<RegisteredOrganisation>>('/api/organisations?limit=500', signal),
        getJson<ExchangeRateSets>('/api/exchange-rates', signal),
      ]);
      return { projections: projections.items, organisations: organisations.items, rates };
    },
    [session?.token],
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('ops.title')}</h1>
      <Loaded load={data} what={t('ops.loading')} retry={reload}>
        {({ projections, organisations, rates }) => (
          <>
            <section className="card" aria-labelledby="projections-heading">
              <h2 id="projections-heading">{t('ops.projections')}</h2>
              <p className="muted">{t('ops.projectionsIntro')}</p>
              <DataTable
                caption={t('ops.projectionsCaption')}
                testId="projections-table"
                rows={projections}
                rowKey={(p) => p.projection}
                columns={[
                  { header: t('ops.projection'), cell: (p) => p.projection },
                  { header: t('ops.status'), cell: (p) => (p.status === 'degraded' ? t('ops.degraded', { parked: p.parked }) : t('ops.ok')) },
                  { header: t('ops.checkpoint'), cell: (p) => p.checkpoint ?? t('ops.notStarted') },
                  { header: t('ops.head'), cell: (p) => p.head ?? '—' },
                  { header: t('ops.eventsBehind'), cell: (p) => `${p.eventsBehind}${p.eventsBehindAtLeast ? '+' : ''}`, numeric: true },
                  { header: t('ops.secondsBehind'), cell: (p) => p.secondsBehind ?? '—', numeric: true },
                  { header: t('ops.eventsProcessed'), cell: (p) => p.eventsProcessed, numeric: true },
                ]}
              />
              {projections.some((p) => p.parked > 0) && (
                <DataTable
                  caption={t('ops.parkedCaption')}
                  testId="parked-events-table"
                  rows={projections.flatMap((p) => p.parkedEvents.map((e) => ({ ...e, projection: p.projection })))}
                  rowKey={(e) => `${e.projection}:${e.eventId}`}
                  columns={[
                    { header: t('ops.projection'), cell: (e) => e.projection },
                    { header: t('ops.event'), cell: (e) => `${e.eventType} ${e.streamId}@${e.revision}` },
                    { header: t('ops.position'), cell: (e) => e.position },
                    { header: t('ops.error'), cell: (e) => `${e.errorClass}: ${e.errorMessage}` },
                    { header: t('ops.parked'), cell: (e) => formatDate(e.parkedAt) },
                  ]}
                />
              )}
              <div className="actions">
                <button type="button" className="button-secondary" onClick={reload}>
                  {t('ops.refresh')}
                </button>
              </div>
            </section>
            <ExchangeRatesCard rates={rates} onRecorded={reload} />
            <RegisterOrganisationForm onRecorded={reload} />
            <IatiImportCard onImported={reload} />
            <section className="card" aria-labelledby="organisations-heading">
              <h2 id="organisations-heading">{t('ops.organisations')}</h2>
              <DataTable
                caption={t('ops.organisationsCaption', { count: organisations.length })}
                testId="organisations-table"
                rows={organisations}
                rowKey={(o) => o.organisationId}
                empty={t('ops.noOrganisations')}
                columns={[
                  { header: t('ops.organisation'), cell: (o) => o.name },
                  { header: t('ops.kind'), cell: (o) => humanise(o.kind) },
                  { header: t('ops.country'), cell: (o) => o.country },
                  { header: t('ops.roles'), cell: (o) => o.roles.map(humanise).join(', ') || '—' },
                  { header: t('ops.partnerships'), cell: (o) => o.partnerships, numeric: true },
                  { header: t('ops.registered'), cell: (o) => formatDate(o.registeredAt) },
                ]}
              />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
