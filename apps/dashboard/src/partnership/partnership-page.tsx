import { useMemo } from 'react';
import { PHASES } from '../../../../libs/domain/src/partnerships/vocabulary';
import { href } from '../routes';
import { useSession } from '../session/session';
import { useOrganisationNames } from '../session/organisations';
import { Chart } from '../ui/chart';
import { ChartCard, DataTable } from '../ui/data-table';
import { formatDate, formatIndex, formatMoney, formatShare, humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { FundingSankeyCard } from '../portfolio/portfolio-charts';
import { BurnRate } from '../portfolio/money-cells';
import { describeFigure, reportedFigure } from '../portfolio/reported-money';
import { loadPartnership, type PartnershipView } from './partnership-data';

const NO_MONEY = { committed: 0, disbursed: 0, refunded: 0, passedOn: 0, received: 0, spent: 0, spentLocally: 0, spentDirectly: 0, inKind: 0, localShare: null, burnRate: null };
import { PartnershipLinks } from './partnership-links';

export function PartnershipPage({ id }: { id: string }) {
  const { session } = useSession();
  const [view, reload] = useLoad((signal) => loadPartnership(id, session?.user ?? null, signal), [id, session?.token]);
  return (
    <Loaded load={view} what="the partnership" retry={reload}>
      {(data) => <Overview view={data} />}
    </Loaded>
  );
}

/** Milestone states in words and a symbol, so colour is never the only signal. */
export function MilestoneStatus({ status }: { status: string }) {
  const symbol = { confirmed: '✔', disputed: '✖', achieved: '◔', planned: '○' }[status] ?? '•';
  const label =
    { confirmed: 'Confirmed by the beneficiary', disputed: 'Disputed by the beneficiary', achieved: 'Reported achieved, awaiting confirmation', planned: 'Planned' }[status] ??
    humanise(status);
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{symbol}</span> {label}
    </span>
  );
}

function Overview({ view }: { view: PartnershipView }) {
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const p = view.partnership;
  const indicatorOption = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: p.indicators.map((i) => i.name), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: 'Progress from baseline to target',
          data: p.indicators.map((i) => (i.progress === null ? null : Math.round(i.progress * 1000) / 10)),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [p.indicators],
  );
  // A cancelled partnership ends where it stopped; the others never show the cancelled step.
  const steps = p.phase === 'cancelled' ? [...PHASES.slice(0, PHASES.indexOf('delivery')), 'cancelled' as const] : PHASES.filter((phase) => phase !== 'cancelled');
  const currentIndex = steps.indexOf(p.phase);
  return (
    <>
      <h1 tabIndex={-1}>{p.title}</h1>
      <PartnershipLinks partnership={p} user={session?.user ?? null} current="partnership" />
      <p>{p.summary}</p>
      <p className="tags">
        <span className="tag">{p.beneficiaryCountry}</span>
        <span className="tag">{humanise(p.modality)}</span>
        {p.themes.map((t) => (
          <span key={t} className="tag">
            {humanise(t)}
          </span>
        ))}
        {p.suspended && <span className="tag">Suspended</span>}
      </p>

      <section className="card" aria-labelledby="phase-heading">
        <h2 id="phase-heading">Phase</h2>
        <ol className="phases" data-testid="phase-timeline">
          {steps.map((phase, index) => (
            <li key={phase} className={index < currentIndex ? 'done' : index === currentIndex ? 'current' : undefined} aria-current={index === currentIndex ? 'step' : undefined}>
              {humanise(phase)}
              <br />
              <span className="muted">{view.phaseEntered.has(phase) ? formatDate(view.phaseEntered.get(phase)) : index <= currentIndex ? '' : 'not yet'}</span>
            </li>
          ))}
        </ol>
        <p className="muted">
          Planned {formatDate(p.plannedStart)} to {formatDate(p.plannedEnd)} · local-ownership index {formatIndex(p.localOwnershipIndex)} · revision {p.revision}
        </p>
      </section>

      <section aria-labelledby="triad-heading">
        <h2 id="triad-heading">Parties</h2>
        <div className="triad" data-testid="triad">
          {(['donor', 'implementer', 'beneficiary', 'evaluator'] as const).map((role) => {
            const parties = p.parties.filter((x) => x.role === role);
            if (parties.length === 0 && role === 'evaluator') return null;
            return (
              <div key={role} className="tile">
                <span className="label">{humanise(role)}</span>
                {parties.length === 0 ? (
                  <span className="muted">none yet</span>
                ) : (
                  parties.map((x) => (
                    <strong key={x.organisationId} className="party">
                      {x.name} ({x.country})
                    </strong>
                  ))
                )}
              </div>
            );
          })}
        </div>
      </section>

      <section className="card" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">Milestones</h2>
        <DataTable
          empty="No milestones planned yet."
          caption={`${p.counts.milestonesConfirmed} of ${p.counts.milestonesDelivered} delivered milestones confirmed by the beneficiary`}
          testId="milestones-table"
          rows={p.milestones}
          rowKey={(m) => m.milestoneId}
          columns={[
            { header: 'Milestone', cell: (m) => m.title },
            { header: 'Due', cell: (m) => formatDate(m.dueDate) },
            { header: 'Achieved', cell: (m) => formatDate(m.achievedOn) },
            { header: 'Status', cell: (m) => <MilestoneStatus status={m.status} /> },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="activities-heading">
        <h2 id="activities-heading">Activities</h2>
        <DataTable
          empty="No activities recorded yet."
          caption={`${p.activities.length} activities; women are ${formatShare(p.participants.womenShare)} of participants`}
          testId="activities-table"
          rows={p.activities}
          rowKey={(a) => a.activityId}
          columns={[
            { header: 'Activity', cell: (a) => a.title },
            { header: 'Type', cell: (a) => humanise(a.type) },
            { header: 'Dates', cell: (a) => `${formatDate(a.startDate)} – ${formatDate(a.endDate)}` },
            { header: 'Women', cell: (a) => a.participants.women, numeric: true },
            { header: 'Men', cell: (a) => a.participants.men, numeric: true },
            { header: 'Undisclosed', cell: (a) => a.participants.undisclosed, numeric: true },
            { header: 'Participant-hours', cell: (a) => a.participantHours, numeric: true },
          ]}
        />
      </section>

      <ChartCard
        title="Indicators against targets"
        testId="indicators"
        table={
          <DataTable
            caption="Indicators: baseline, latest measurement and target"
            testId="indicators-table"
            rows={p.indicators}
            rowKey={(i) => i.indicatorId}
            columns={[
              { header: 'Indicator', cell: (i) => i.name },
              { header: 'Unit', cell: (i) => i.unit },
              { header: 'Baseline', cell: (i) => i.baseline, numeric: true },
              { header: 'Latest', cell: (i) => (i.latestValue === null ? '—' : `${i.latestValue} (${formatDate(i.latestOn)})`), numeric: true },
              { header: 'Target', cell: (i) => i.target, numeric: true },
              { header: 'Progress', cell: (i) => formatShare(i.progress), numeric: true },
            ]}
          />
        }
      >
        {p.indicators.length === 0 ? (
          <Empty>No indicators defined yet.</Empty>
        ) : (
          <Chart option={indicatorOption} label="Progress of each indicator from its baseline to its target" height={Math.max(120, p.indicators.length * 40 + 30)} />
        )}
      </ChartCard>

      {view.chain.edges.length > 0 && (
        <FundingSankeyCard
          title="Money flows along the chain"
          measures={['committed', 'disbursed']}
          preferredCurrency={view.money[0]?.currency ?? null}
          nameOf={nameOf}
          transfers={view.chain.edges.map((e) => ({
            key: { providerId: e.providerId, receiverId: e.receiverId },
            byCurrency: [{ ...NO_MONEY, currency: e.currency, committed: e.committed, disbursed: e.disbursed }],
          }))}
        />
      )}
      <section className="card" aria-labelledby="money-heading">
        <h2 id="money-heading">Money</h2>
        <DataTable
          empty="No money committed yet."
          caption="Totals per currency, without double counting along the chain"
          testId="money-table"
          rows={view.money}
          rowKey={(m) => m.currency}
          columns={[
            { header: 'Currency', cell: (m) => m.currency },
            { header: 'Committed', cell: (m) => formatMoney(m.committed, m.currency), numeric: true },
            { header: 'Disbursed', cell: (m) => formatMoney(m.disbursed, m.currency), numeric: true },
            { header: 'Spent', cell: (m) => formatMoney(m.spent, m.currency), numeric: true },
            { header: 'Spent locally', cell: (m) => formatShare(m.localShare), numeric: true },
          ]}
        />
        {view.funding?.reporting && <ProgrammeCurrencyFigures funding={view.funding} />}
        {view.chain.edges.length > 0 && (
          <DataTable
            caption="Flows between organisations"
            testId="flows-table"
            rows={view.chain.edges}
            rowKey={(e) => `${e.providerId}>${e.receiverId}>${e.currency}`}
            columns={[
              { header: 'Level', cell: (e) => e.level, numeric: true },
              { header: 'From', cell: (e) => nameOf(e.providerId) },
              { header: 'To', cell: (e) => nameOf(e.receiverId) },
              { header: 'Committed', cell: (e) => formatMoney(e.committed, e.currency), numeric: true },
              { header: 'Disbursed', cell: (e) => formatMoney(e.disbursed, e.currency), numeric: true },
            ]}
          />
        )}
      </section>
      <p>
        <a href={href({ page: 'partnerships' })}>Back to my partnerships</a>
      </p>
    </>
  );
}

/** The partnership in its programme currency: each amount at its documented rate, what no rate converts named, burn rate and overspend in words. */
function ProgrammeCurrencyFigures({ funding }: { funding: NonNullable<PartnershipView['funding']> }) {
  const reporting = funding.reporting!;
  const line = (measure: 'committed' | 'disbursed' | 'spent') => {
    const { value, note } = describeFigure(reportedFigure([funding], measure, reporting.currency));
    return `${value}${note ? ` (${note})` : ''}`;
  };
  return (
    <dl className="facts" data-testid="programme-currency">
      <dt>In {reporting.currency}, the programme currency</dt>
      <dd>
        committed {line('committed')}; disbursed {line('disbursed')}; spent {line('spent')}
      </dd>
      <dt>Burn rate (spent / disbursed)</dt>
      <dd>
        <BurnRate item={funding} />
      </dd>
    </dl>
  );
}
