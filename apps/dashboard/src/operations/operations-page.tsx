import { getJson } from '../api/api-client';
import type { Organisation, Page } from '../api/api-types';
import { useSession } from '../session/session';
import { DataTable } from '../ui/data-table';
import { formatDate, humanise } from '../ui/format';
import { Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { RegisterOrganisationForm } from './register-organisation-form';

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

/** The operator's view: are the read models caught up with the events, and who is registered. */
export function OperationsPage() {
  const { session } = useSession();
  const [data, reload] = useLoad(
    async (signal) => {
      const [projections, organisations] = await Promise.all([
        getJson<{ items: ProjectionStatus[] }>('/api/projections', signal),
        getJson<Page<RegisteredOrganisation>>('/api/organisations?limit=500', signal),
      ]);
      return { projections: projections.items, organisations: organisations.items };
    },
    [session?.token],
  );
  return (
    <>
      <h1 tabIndex={-1}>Operations</h1>
      <Loaded load={data} what="the projections" retry={reload}>
        {({ projections, organisations }) => (
          <>
            <section className="card" aria-labelledby="projections-heading">
              <h2 id="projections-heading">Projections</h2>
              <p className="muted">Each read model follows the event store's global log; behind by 0 means it shows every event recorded.</p>
              <DataTable
                caption="Read models and how far behind the events they are"
                testId="projections-table"
                rows={projections}
                rowKey={(p) => p.projection}
                columns={[
                  { header: 'Projection', cell: (p) => p.projection },
                  { header: 'Status', cell: (p) => (p.status === 'degraded' ? `⚠ degraded: ${p.parked} parked` : '✓ ok') },
                  { header: 'Checkpoint', cell: (p) => p.checkpoint ?? 'not started' },
                  { header: 'Head', cell: (p) => p.head ?? '—' },
                  { header: 'Events behind', cell: (p) => `${p.eventsBehind}${p.eventsBehindAtLeast ? '+' : ''}`, numeric: true },
                  { header: 'Seconds behind', cell: (p) => p.secondsBehind ?? '—', numeric: true },
                  { header: 'Events processed', cell: (p) => p.eventsProcessed, numeric: true },
                ]}
              />
              {projections.some((p) => p.parked > 0) && (
                <DataTable
                  caption="Parked events: the read model skips them until npm run projections:retry applies them again"
                  testId="parked-events-table"
                  rows={projections.flatMap((p) => p.parkedEvents.map((e) => ({ ...e, projection: p.projection })))}
                  rowKey={(e) => `${e.projection}:${e.eventId}`}
                  columns={[
                    { header: 'Projection', cell: (e) => e.projection },
                    { header: 'Event', cell: (e) => `${e.eventType} ${e.streamId}@${e.revision}` },
                    { header: 'Position', cell: (e) => e.position },
                    { header: 'Error', cell: (e) => `${e.errorClass}: ${e.errorMessage}` },
                    { header: 'Parked', cell: (e) => formatDate(e.parkedAt) },
                  ]}
                />
              )}
              <div className="actions">
                <button type="button" className="button-secondary" onClick={reload}>
                  Refresh
                </button>
              </div>
            </section>
            <RegisterOrganisationForm onRecorded={reload} />
            <section className="card" aria-labelledby="organisations-heading">
              <h2 id="organisations-heading">Registered organisations</h2>
              <DataTable
                caption={`${organisations.length} organisations may sign in`}
                testId="organisations-table"
                rows={organisations}
                rowKey={(o) => o.organisationId}
                empty="No organisation is registered yet."
                columns={[
                  { header: 'Organisation', cell: (o) => o.name },
                  { header: 'Kind', cell: (o) => humanise(o.kind) },
                  { header: 'Country', cell: (o) => o.country },
                  { header: 'Roles', cell: (o) => o.roles.map(humanise).join(', ') || '—' },
                  { header: 'Partnerships', cell: (o) => o.partnerships, numeric: true },
                  { header: 'Registered', cell: (o) => formatDate(o.registeredAt) },
                ]}
              />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
