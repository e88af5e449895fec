import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES } from '../../../../libs/domain/src/partnerships/vocabulary';
import { href } from '../routes';
import { useSession } from '../session/session';
import { useOrganisationNames } from '../session/organisations';
import { Chart } from '../ui/chart';
import { ChartCard, DataTable } from '../ui/data-table';
import { formatDate, formatIndex, formatMoney, formatShare, humanise, listOf } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { FundingSankeyCard } from '../portfolio/portfolio-charts';
import { BurnRate, useFigureNote } from '../portfolio/money-cells';
import { describeFigure, reportedFigure } from '../portfolio/reported-money';
import { loadPartnership, type PartnershipView } from './partnership-data';

import { PartnershipLinks } from './partnership-links';

const NO_MONEY = { committed: 0, disbursed: 0, refunded: 0, passedOn: 0, received: 0, spent: 0, spentLocally: 0, spentDirectly: 0, inKind: 0, localShare: null, burnRate: null };
const MILESTONE_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['confirmed', '✔'],
  ['disputed', '✖'],
  ['achieved', '◔'],
  ['planned', '○'],
]);
const TRIAD_ROLES = ['donor', 'implementer', 'beneficiary', 'evaluator'] as const;
const DESCRIBED_STATUSES: ReadonlySet<string> = new Set(['confirmed', 'disputed', 'achieved', 'planned']);

export function PartnershipPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [view, reload] = useLoad((signal) => loadPartnership(id, session?.user ?? null, signal), [id, session?.token]);
  return (
    <Loaded load={view} what={t('overview.loading')} retry={reload}>
      {(data) => <Overview view={data} />}
    </Loaded>
  );
}

/** Milestone states in words and a symbol, so colour is never the only signal. */
export function MilestoneStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const symbol = MILESTONE_SYMBOLS.get(status) ?? '•';
  const label = DESCRIBED_STATUSES.has(status) ? t(`overview.milestoneStatus.${status}`) : humanise(status);
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{symbol}</span> {label}
    </span>
  );
}

function Overview({ view }: { view: PartnershipView }) {
  const { t } = useTranslation();
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
          name: t('overview.indicatorSeries'),
          data: p.indicators.map((i) => (i.progress === null ? null : Math.round(i.progress * 1000) / 10)),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [p.indicators, t],
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
        {p.themes.map((theme) => (
          <span key={theme} className="tag">
            {humanise(theme)}
          </span>
        ))}
        {p.suspended && <span className="tag">{t('overview.suspended')}</span>}
      </p>

      <dl className="facts" data-testid="partnership-facts">
        <dt>{t('overview.initiatedBy')}</dt>
        <dd>{humanise(p.initiatedBy)}</dd>
        <dt>{t('overview.levels')}</dt>
        <dd>{p.levels.length > 0 ? listOf(p.levels.map(humanise)) : t('overview.noneYet')}</dd>
        <dt>{t('overview.sdgs')}</dt>
        <dd>{p.sdgs.length > 0 ? listOf(p.sdgs.map((goal) => t('overview.sdg', { goal }))) : t('overview.noneYet')}</dd>
        <dt>{t('propose.genderMarker')}</dt>
        <dd data-testid="gender-marker">{t(`propose.gender.${p.genderMarker}`)}</dd>
        {p.closure.outcome && (
          <>
            <dt>{t('overview.closure')}</dt>
            <dd data-testid="closure-outcome">{t('overview.closedWith', { outcome: humanise(p.closure.outcome), date: formatDate(p.closure.closedAt) })}</dd>
          </>
        )}
      </dl>

      <section className="card" aria-labelledby="phase-heading">
        <h2 id="phase-heading">{t('overview.phase')}</h2>
        <ol className="phases" data-testid="phase-timeline">
          {steps.map((phase, index) => (
            <li key={phase} className={index < currentIndex ? 'done' : index === currentIndex ? 'current' : undefined} aria-current={index === currentIndex ? 'step' : undefined}>
              {humanise(phase)}
              <br />
              <span className="muted">{view.phaseEntered.has(phase) ? formatDate(view.phaseEntered.get(phase)) : index <= currentIndex ? '' : t('overview.notYet')}</span>
            </li>
          ))}
        </ol>
        <p className="muted">
          {t('overview.plannedLine', { start: formatDate(p.plannedStart), end: formatDate(p.plannedEnd), index: formatIndex(p.localOwnershipIndex), revision: p.revision })}
        </p>
      </section>

      <section aria-labelledby="triad-heading">
        <h2 id="triad-heading">{t('overview.parties')}</h2>
        <div className="triad" data-testid="triad">
          {TRIAD_ROLES.map((role) => {
            const parties = p.parties.filter((x) => x.role === role);
            if (parties.length === 0 && role === 'evaluator') return null;
            return (
              <div key={role} className="tile">
                <span className="label">{humanise(role)}</span>
                {parties.length === 0 ? (
                  <span className="muted">{t('overview.noneYet')}</span>
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
        <h2 id="milestones-heading">{t('overview.milestones')}</h2>
        <DataTable
          empty={t('overview.noMilestones')}
          caption={t('overview.milestonesCaption', { confirmed: p.counts.milestonesConfirmed, count: p.counts.milestonesDelivered })}
          testId="milestones-table"
          rows={p.milestones}
          rowKey={(m) => m.milestoneId}
          columns={[
            { header: t('overview.milestone'), cell: (m) => m.title },
            { header: t('overview.due'), cell: (m) => formatDate(m.dueDate) },
            { header: t('overview.achieved'), cell: (m) => formatDate(m.achievedOn) },
            { header: t('overview.status'), cell: (m) => <MilestoneStatus status={m.status} /> },
            {
              header: t('overview.disputes'),
              cell: (m) => (
                <ul className="plain" data-testid="milestone-disputes">
                  {(view.disputes.get(m.milestoneId) ?? []).map((d) => (
                    <li key={d.at}>{t('overview.dispute', { date: formatDate(d.at), by: nameOf(d.by), reason: d.reason })}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('overview.activities')}</h2>
        <DataTable
          empty={t('overview.noActivities')}
          caption={t('overview.activitiesCaption', { count: p.activities.length, share: formatShare(p.participants.womenShare) })}
          testId="activities-table"
          rows={p.activities}
          rowKey={(a) => a.activityId}
          columns={[
            { header: t('overview.activity'), cell: (a) => a.title },
            { header: t('overview.type'), cell: (a) => humanise(a.type) },
            { header: t('overview.dates'), cell: (a) => `${formatDate(a.startDate)} – ${formatDate(a.endDate)}` },
            { header: t('overview.women'), cell: (a) => a.participants.women, numeric: true },
            { header: t('overview.men'), cell: (a) => a.participants.men, numeric: true },
            { header: t('overview.undisclosed'), cell: (a) => a.participants.undisclosed, numeric: true },
            { header: t('overview.participantHours'), cell: (a) => a.participantHours, numeric: true },
          ]}
        />
      </section>

      <ChartCard
        title={t('overview.indicatorsTitle')}
        testId="indicators"
        table={
          <DataTable
            caption={t('overview.indicatorsCaption')}
            testId="indicators-table"
            rows={p.indicators}
            rowKey={(i) => i.indicatorId}
            columns={[
              { header: t('indicators.name'), cell: (i) => i.name },
              { header: t('indicators.unit'), cell: (i) => i.unit },
              { header: t('indicators.baseline'), cell: (i) => i.baseline, numeric: true },
              { header: t('indicators.latest'), cell: (i) => (i.latestValue === null ? '—' : `${i.latestValue} (${formatDate(i.latestOn)})`), numeric: true },
              { header: t('indicators.target'), cell: (i) => i.target, numeric: true },
              { header: t('indicators.progress'), cell: (i) => formatShare(i.progress), numeric: true },
            ]}
          />
        }
      >
        {p.indicators.length === 0 ? (
          <Empty>{t('indicators.none')}</Empty>
        ) : (
          <Chart option={indicatorOption} label={t('overview.indicatorChart')} height={Math.max(120, p.indicators.length * 40 + 30)} />
        )}
      </ChartCard>

      {view.chain.edges.length > 0 && (
        <FundingSankeyCard
          title={t('overview.sankey')}
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
        <h2 id="money-heading">{t('overview.money')}</h2>
        <DataTable
          empty={t('overview.noMoney')}
          caption={t('overview.moneyCaption')}
          testId="money-table"
          rows={view.money}
          rowKey={(m) => m.currency}
          columns={[
            { header: t('overview.currency'), cell: (m) => m.currency },
            { header: t('overview.committed'), cell: (m) => formatMoney(m.committed, m.currency), numeric: true },
            { header: t('overview.disbursed'), cell: (m) => formatMoney(m.disbursed, m.currency), numeric: true },
            { header: t('overview.spent'), cell: (m) => formatMoney(m.spent, m.currency), numeric: true },
            { header: t('overview.spentLocally'), cell: (m) => formatShare(m.localShare), numeric: true },
          ]}
        />
        {view.funding?.reporting && <ProgrammeCurrencyFigures funding={view.funding} />}
        {view.chain.edges.length > 0 && (
          <DataTable
            caption={t('overview.flowsCaption')}
            testId="flows-table"
            rows={view.chain.edges}
            rowKey={(e) => `${e.providerId}>${e.receiverId}>${e.currency}`}
            columns={[
              { header: t('overview.level'), cell: (e) => e.level, numeric: true },
              { header: t('money.from'), cell: (e) => nameOf(e.providerId) },
              { header: t('money.to'), cell: (e) => nameOf(e.receiverId) },
              { header: t('overview.committed'), cell: (e) => formatMoney(e.committed, e.currency), numeric: true },
              { header: t('overview.disbursed'), cell: (e) => formatMoney(e.disbursed, e.currency), numeric: true },
            ]}
          />
        )}
      </section>
      <p>
        <a href={href({ page: 'partnerships' })}>{t('overview.back')}</a>
      </p>
    </>
  );
}

/** The partnership in its programme currency: each amount at its documented rate, what no rate converts named, burn rate and overspend in words. */
function ProgrammeCurrencyFigures({ funding }: { funding: NonNullable<PartnershipView['funding']> }) {
  const { t } = useTranslation();
  const reporting = funding.reporting!;
  const figureNote = useFigureNote();
  const line = (measure: 'committed' | 'disbursed' | 'spent') => {
    const { value, note } = describeFigure(reportedFigure([funding], measure, reporting.currency), figureNote);
    return `${value}${note ? ` (${note})` : ''}`;
  };
  return (
    <dl className="facts" data-testid="programme-currency">
      <dt>{t('overview.programmeCurrency', { currency: reporting.currency })}</dt>
      <dd>{t('overview.programmeLine', { committed: line('committed'), disbursed: line('disbursed'), spent: line('spent') })}</dd>
      <dt>{t('overview.burnRate')}</dt>
      <dd>
        <BurnRate item={funding} />
      </dd>
    </dl>
  );
}
