import { useMemo, useState } from 'react';
import { href } from '../routes';
import { hasRole, useSession } from '../session/session';
import { useOrganisationNames } from '../session/organisations';
import { DataTable } from '../ui/data-table';
import { formatDate, formatIndex, formatShare, humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { CountChart, FundingSankeyCard, OwnershipChart, RegionChart, SpendingChart, WomenShareChart } from './portfolio-charts';
import { countBy } from './portfolio-counts';
import { loadPortfolio, unconvertedCurrencies, type PortfolioData } from './portfolio-data';
import { reportedFigure } from './reported-money';
import { BurnRate, MoneyCell, MoneyTile } from './money-cells';
import { spendingAgainstPlan } from './spending-plan';

/** A donor's (or any organisation's, or an admin's whole) portfolio at a glance. */
export function PortfolioPage() {
  const { session } = useSession();
  const user = session?.user;
  const organisationId = user && !hasRole(user, 'admin') ? user.organisationId : null;
  const [currency, setCurrency] = useState<string | null>(null);
  const [data, reload] = useLoad((signal) => loadPortfolio(organisationId, currency, signal), [organisationId, currency, session?.token], { keepPrevious: true });
  const nameOf = useOrganisationNames(session?.token ?? null);
  return (
    <>
      <h1 tabIndex={-1}>Portfolio</h1>
      <p className="muted">{organisationId ? `Partnerships ${nameOf(organisationId)} takes part in.` : 'Every partnership in the tracker.'}</p>
      <Loaded load={data} what="the portfolio" retry={reload}>
        {(portfolio) =>
          portfolio.partnerships.length === 0 ? (
            <Empty>Your organisation is not a party to any partnership yet.</Empty>
          ) : (
            <PortfolioView
              portfolio={portfolio}
              nameOf={nameOf}
              onCurrency={setCurrency}
              donorId={user && hasRole(user, 'donor') && !hasRole(user, 'admin') ? user.organisationId : null}
            />
          )
        }
      </Loaded>
    </>
  );
}

function PortfolioView({
  portfolio,
  nameOf,
  onCurrency,
  donorId,
}: {
  portfolio: PortfolioData;
  nameOf: (id: string) => string;
  onCurrency: (c: string) => void;
  donorId: string | null;
}) {
  const currency = portfolio.reportingCurrency;
  const unconverted = unconvertedCurrencies(portfolio.byPartnership.items);
  const withheld = portfolio.byPartnership.withheld + portfolio.byYear.withheld + portfolio.byDonor.withheld;
  const whole = (m: 'committed' | 'disbursed' | 'spent') => reportedFigure(portfolio.byPartnership.items, m, currency);
  // A donor's tiles are its own money; co-funders' money in the same partnerships is shown beside it, never added in.
  const own = donorId ? portfolio.byDonor.items.filter((i) => i.key.donorId === donorId) : null;
  const coFunders = donorId ? portfolio.byDonor.items.filter((i) => i.key.donorId !== donorId) : [];
  const figure = (m: 'committed' | 'disbursed' | 'spent') => (own ? reportedFigure(own, m, currency) : whole(m));
  const ownName = donorId ? nameOf(donorId) : null;
  const fundingById = useMemo(() => new Map(portfolio.byPartnership.items.map((i) => [i.key.partnershipId, i])), [portfolio]);
  const committedById = useMemo(() => new Map(portfolio.byPartnership.items.map((i) => [i.key.partnershipId, i.reporting?.committed ?? 0])), [portfolio]);
  const spending = useMemo(
    () =>
      spendingAgainstPlan(
        portfolio.partnerships.map((p) => ({ committed: committedById.get(p.partnershipId) ?? 0, plannedStart: p.plannedStart, plannedEnd: p.plannedEnd })),
        new Map(portfolio.byYear.items.map((i) => [i.key.year, i.reporting?.spent ?? 0])),
      ),
    [portfolio, committedById],
  );
  const regions = useMemo(() => {
    const byRegion = new Map<string, { region: string; partnerships: number; committed: number; countries: string[] }>();
    for (const p of portfolio.partnerships) {
      // The region is null when no registered beneficiary gives one: counted apart, never dropped.
      const region = p.beneficiaryRegion ?? 'not-recorded';
      const row = byRegion.get(region) ?? { region, partnerships: 0, committed: 0, countries: [] };
      row.partnerships += 1;
      row.committed += committedById.get(p.partnershipId) ?? 0;
      if (!row.countries.includes(p.beneficiaryCountry)) row.countries.push(p.beneficiaryCountry);
      byRegion.set(region, row);
    }
    return [...byRegion.values()].sort((a, b) => b.partnerships - a.partnerships);
  }, [portfolio, committedById]);
  const participants = portfolio.inclusion.reduce((sum, r) => ({ women: sum.women + r.women, all: sum.all + r.participants }), { women: 0, all: 0 });
  const indexed = portfolio.ownership.filter((r) => r.metrics.index !== null);
  const meanIndex = indexed.length ? indexed.reduce((s, r) => s + (r.metrics.index ?? 0), 0) / indexed.length : null;

  return (
    <>
      <div className="form-row">
        <label htmlFor="reporting-currency">Report in</label>
        <select id="reporting-currency" value={currency} onChange={(e) => onCurrency(e.target.value)}>
          {portfolio.currencies.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <span className="muted">
          Each amount at the rate recorded with its flow, else the rate table's for its date (docs/metrics.md); amounts without either are listed, never guessed or counted as zero.
        </span>
      </div>
      <section className="tiles" aria-label="Portfolio totals" data-testid="portfolio-tiles">
        <Tile label="Partnerships" value={String(portfolio.partnerships.length)} testId="tile-partnerships" />
        <MoneyTile label={ownName ? `Committed by ${ownName}` : 'Committed'} figure={figure('committed')} testId="tile-committed" />
        <MoneyTile label={ownName ? `Disbursed by ${ownName}` : 'Disbursed'} figure={figure('disbursed')} testId="tile-disbursed" />
        <MoneyTile label={ownName ? `Spent from ${ownName}'s funds` : 'Spent'} figure={figure('spent')} testId="tile-spent" />
        {donorId && (
          <MoneyTile
            label={`Co-funders' commitments${coFunders.length ? ` (${coFunders.map((c) => nameOf(c.key.donorId)).join(', ')})` : ''}`}
            figure={reportedFigure(coFunders, 'committed', currency)}
            testId="tile-cofunders"
          />
        )}
        <Tile label="Women's share of participants" value={formatShare(participants.all ? participants.women / participants.all : null)} testId="tile-women" />
        <Tile
          label="Mean local-ownership index"
          value={formatIndex(meanIndex)}
          note={`over ${indexed.length} of ${portfolio.ownership.length} partnerships with enough evidence (5 of 9 components)`}
          testId="tile-ownership"
        />
      </section>
      {unconverted.length > 0 && (
        <p className="muted" data-testid="unconverted">
          Some amounts in {unconverted.join(', ')} have no rate to {currency} for their date: they are listed on each figure and left out of the {currency} sums and charts.
        </p>
      )}
      {withheld > 0 && (
        <p className="muted" data-testid="withheld">
          {withheld === 1 ? 'One group is' : `${withheld} groups are`} withheld: drawn from fewer than three partnerships of other organisations, they would single a partnership
          out.
        </p>
      )}
      <div className="grid">
        <CountChart title="Partnerships by phase" rows={countBy(portfolio.partnerships, (p) => p.phase)} testId="by-phase" />
        <CountChart title="Partnerships by country" rows={countBy(portfolio.partnerships, (p) => p.beneficiaryCountry)} testId="by-country" />
        <CountChart title="Partnerships by theme" rows={countBy(portfolio.partnerships, (p) => p.themes)} testId="by-theme" />
        <RegionChart rows={regions} currency={currency} />
      </div>
      <FundingSankeyCard transfers={portfolio.transfers} nameOf={nameOf} preferredCurrency={currency} />
      <div className="grid">
        <SpendingChart rows={spending} currency={currency} unconverted={unconverted} />
        <WomenShareChart rows={portfolio.inclusion} />
      </div>
      <OwnershipChart rows={portfolio.ownership} />
      <section className="card" aria-labelledby="overlaps" data-testid="overlaps">
        <h2 id="overlaps">Overlaps with other donors</h2>
        <p className="muted">Partnerships in the same country and theme at the same time: worth a coordination call.</p>
        <DataTable
          empty="No overlaps with your partnerships."
          caption="Overlapping partnerships"
          rows={portfolio.overlaps}
          rowKey={(o) => o.partnerships.map((p) => p.partnershipId).join('|')}
          columns={[
            { header: 'Country', cell: (o) => o.beneficiaryCountry },
            { header: 'Shared themes', cell: (o) => o.sharedThemes.map(humanise).join(', ') },
            { header: 'Overlap', cell: (o) => `${formatDate(o.overlapStart)} – ${formatDate(o.overlapEnd)}` },
            {
              header: 'Partnerships and donors',
              cell: (o) => (
                <ul>
                  {o.partnerships.map((p) => (
                    <li key={p.partnershipId}>
                      <a href={href({ page: 'partnership', id: p.partnershipId })}>{p.title}</a> ({humanise(p.phase)}) — {p.donorIds.map(nameOf).join(', ')}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="portfolio-list">
        <h2 id="portfolio-list">Partnerships</h2>
        <DataTable
          caption="Partnerships in this portfolio"
          testId="portfolio-partnerships"
          rows={portfolio.partnerships}
          rowKey={(p) => p.partnershipId}
          columns={[
            { header: 'Partnership', cell: (p) => <a href={href({ page: 'partnership', id: p.partnershipId })}>{p.title}</a> },
            { header: 'Phase', cell: (p) => humanise(p.phase) },
            { header: 'Country', cell: (p) => p.beneficiaryCountry },
            { header: `Committed (${currency})`, cell: (p) => <MoneyCell item={fundingById.get(p.partnershipId)} measure="committed" currency={currency} />, numeric: true },
            { header: `Spent (${currency})`, cell: (p) => <MoneyCell item={fundingById.get(p.partnershipId)} measure="spent" currency={currency} />, numeric: true },
            { header: 'Burn rate', cell: (p) => <BurnRate item={fundingById.get(p.partnershipId)} />, numeric: true },
            { header: 'Local ownership', cell: (p) => formatIndex(p.localOwnershipIndex), numeric: true },
          ]}
        />
      </section>
    </>
  );
}

function Tile({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="label">{label}</span>
      <span className="value">{value}</span>
      {note && <span className="note">{note}</span>}
    </div>
  );
}
