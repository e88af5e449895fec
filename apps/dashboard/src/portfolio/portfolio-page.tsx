import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../routes';
import { hasRole, useSession } from '../session/session';
import { useOrganisationNames } from '../session/organisations';
import { DataTable } from '../ui/data-table';
import { formatDate, formatIndex, formatShare, humanise, listOf } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { CountChart, FundingSankeyCard, OwnershipChart, RegionChart, SpendingChart, WomenShareChart } from './portfolio-charts';
import { countBy } from './portfolio-counts';
import { loadPortfolio, unconvertedCurrencies, type PortfolioData } from './portfolio-data';
import { reportedFigure } from './reported-money';
import { BurnRate, MoneyCell, MoneyTile } from './money-cells';
import { spendingAgainstPlan } from './spending-plan';
import { portfolioWorkbook } from './portfolio-xlsx';
import { OverlapPartnerships, useOverlapContacts } from './overlap-partnerships';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A donor's (or any organisation's, or an admin's whole) portfolio at a glance. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const user = session?.user;
  const organisationId = user && !hasRole(user, 'admin') ? user.organisationId : null;
  const [currency, setCurrency] = useState<string | null>(null);
  const [data, reload] = useLoad((signal) => loadPortfolio(organisationId, currency, signal), [organisationId, currency, session?.token], { keepPrevious: true });
  const nameOf = useOrganisationNames(session?.token ?? null);
  return (
    <>
      <h1 tabIndex={-1}>{t('portfolio.title')}</h1>
      <p className="muted">{organisationId ? t('portfolio.introOwn', { name: nameOf(organisationId) }) : t('portfolio.introAll')}</p>
      <Loaded load={data} what={t('portfolio.loading')} retry={reload}>
        {(portfolio) =>
          portfolio.partnerships.length === 0 ? (
            <Empty>{t('portfolio.empty')}</Empty>
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
  const { t } = useTranslation();
  const currency = portfolio.reportingCurrency;
  const unconverted = unconvertedCurrencies(portfolio.byPartnership.items);
  const withheld = portfolio.byPartnership.withheld + portfolio.byYear.withheld + portfolio.byDonor.withheld;
  const whole = (m: 'committed' | 'disbursed' | 'spent') => reportedFigure(portfolio.byPartnership.items, m, currency);
  // A donor's tiles are its own money; co-funders' money in the same partnerships is shown beside it, never added in.
  const own = donorId ? portfolio.byDonor.items.filter((i) => i.key.donorId === donorId) : null;
  const coFunders = donorId ? portfolio.byDonor.items.filter((i) => i.key.donorId !== donorId) : [];
  const figure = (m: 'committed' | 'disbursed' | 'spent') => (own ? reportedFigure(own, m, currency) : whole(m));
  const ownName = donorId ? nameOf(donorId) : null;
  const [exporting, setExporting] = useState(false);
  // An overlap names others' partnerships too: those lead to the registry, with whom to contact.
  const mine = useMemo(() => new Set(portfolio.partnerships.map((p) => p.partnershipId)), [portfolio.partnerships]);
  const contacts = useOverlapContacts(portfolio.overlaps, mine);
  async function downloadXlsx() {
    setExporting(true);
    try {
      const headers = {
        sheet: t('portfolio.xlsx.sheet'),
        partnership: t('portfolio.list.partnership'),
        id: t('portfolio.xlsx.id'),
        phase: t('portfolio.list.phase'),
        country: t('portfolio.list.country'),
        committed: t('portfolio.list.committed', { currency }),
        disbursed: t('portfolio.xlsx.disbursed', { currency }),
        spent: t('portfolio.list.spent', { currency }),
        notConverted: t('portfolio.xlsx.notConverted', { currency }),
        burnRate: t('portfolio.list.burnRate'),
        ownership: t('portfolio.list.ownership'),
      };
      const file = await portfolioWorkbook(portfolio.partnerships, fundingById, currency, headers, humanise);
      const url = URL.createObjectURL(new Blob([file], { type: XLSX_TYPE }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `portfolio-${currency}.xlsx`;
      link.click();
      URL.revokeObjectURL(url);
    } finally {
      setExporting(false);
    }
  }
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
        <label htmlFor="reporting-currency">{t('portfolio.reportIn')}</label>
        <select id="reporting-currency" value={currency} onChange={(e) => onCurrency(e.target.value)}>
          {portfolio.currencies.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <span className="muted">{t('portfolio.rateNote')}</span>
      </div>
      <section className="tiles" aria-label={t('portfolio.totals')} data-testid="portfolio-tiles">
        <Tile label={t('portfolio.tile.partnerships')} value={String(portfolio.partnerships.length)} testId="tile-partnerships" />
        <MoneyTile label={ownName ? t('portfolio.tile.committedBy', { name: ownName }) : t('portfolio.tile.committed')} figure={figure('committed')} testId="tile-committed" />
        <MoneyTile label={ownName ? t('portfolio.tile.disbursedBy', { name: ownName }) : t('portfolio.tile.disbursed')} figure={figure('disbursed')} testId="tile-disbursed" />
        <MoneyTile label={ownName ? t('portfolio.tile.spentFrom', { name: ownName }) : t('portfolio.tile.spent')} figure={figure('spent')} testId="tile-spent" />
        {donorId && (
          <MoneyTile
            label={coFunders.length ? t('portfolio.tile.coFundersNamed', { names: listOf(coFunders.map((c) => nameOf(c.key.donorId))) }) : t('portfolio.tile.coFunders')}
            figure={reportedFigure(coFunders, 'committed', currency)}
            testId="tile-cofunders"
          />
        )}
        <Tile label={t('portfolio.tile.women')} value={formatShare(participants.all ? participants.women / participants.all : null)} testId="tile-women" />
        <Tile
          label={t('portfolio.tile.ownership')}
          value={formatIndex(meanIndex)}
          note={t('portfolio.tile.ownershipNote', { count: indexed.length, total: portfolio.ownership.length })}
          testId="tile-ownership"
        />
      </section>
      {unconverted.length > 0 && (
        <p className="muted" data-testid="unconverted">
          {t('portfolio.unconverted', { currencies: listOf(unconverted), currency })}
        </p>
      )}
      {withheld > 0 && (
        <p className="muted" data-testid="withheld">
          {t('portfolio.withheld', { count: withheld })}
        </p>
      )}
      <div className="grid">
        <CountChart title={t('portfolio.byPhase')} rows={countBy(portfolio.partnerships, (p) => p.phase)} testId="by-phase" />
        <CountChart title={t('portfolio.byCountry')} rows={countBy(portfolio.partnerships, (p) => p.beneficiaryCountry)} testId="by-country" />
        <CountChart title={t('portfolio.byTheme')} rows={countBy(portfolio.partnerships, (p) => p.themes)} testId="by-theme" />
        <RegionChart rows={regions} currency={currency} />
      </div>
      <FundingSankeyCard transfers={portfolio.transfers} nameOf={nameOf} preferredCurrency={currency} />
      <div className="grid">
        <SpendingChart rows={spending} currency={currency} unconverted={unconverted} />
        <WomenShareChart rows={portfolio.inclusion} />
      </div>
      <OwnershipChart rows={portfolio.ownership} />
      <section className="card" aria-labelledby="overlaps" data-testid="overlaps">
        <h2 id="overlaps">{t('portfolio.overlaps.title')}</h2>
        <p className="muted">{t('portfolio.overlaps.intro')}</p>
        <DataTable
          empty={t('portfolio.overlaps.empty')}
          caption={t('portfolio.overlaps.caption')}
          rows={portfolio.overlaps}
          rowKey={(o) => o.partnerships.map((p) => p.partnershipId).join('|')}
          columns={[
            { header: t('portfolio.overlaps.country'), cell: (o) => o.beneficiaryCountry },
            { header: t('portfolio.overlaps.themes'), cell: (o) => listOf(o.sharedThemes.map(humanise)) },
            { header: t('portfolio.overlaps.period'), cell: (o) => `${formatDate(o.overlapStart)} – ${formatDate(o.overlapEnd)}` },
            {
              header: t('portfolio.overlaps.partnerships'),
              cell: (o) => <OverlapPartnerships overlap={o} mine={mine} contacts={contacts} nameOf={nameOf} />,
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="portfolio-list">
        <h2 id="portfolio-list">{t('portfolio.list.title')}</h2>
        <div className="actions">
          <button type="button" className="button-secondary" onClick={() => void downloadXlsx()} disabled={exporting} data-testid="download-xlsx">
            {t('portfolio.xlsx.download')}
          </button>
        </div>
        <DataTable
          caption={t('portfolio.list.caption')}
          testId="portfolio-partnerships"
          rows={portfolio.partnerships}
          rowKey={(p) => p.partnershipId}
          columns={[
            { header: t('portfolio.list.partnership'), cell: (p) => <a href={href({ page: 'partnership', id: p.partnershipId })}>{p.title}</a> },
            { header: t('portfolio.list.phase'), cell: (p) => humanise(p.phase) },
            { header: t('portfolio.list.country'), cell: (p) => p.beneficiaryCountry },
            {
              header: t('portfolio.list.committed', { currency }),
              cell: (p) => <MoneyCell item={fundingById.get(p.partnershipId)} measure="committed" currency={currency} />,
              numeric: true,
            },
            {
              header: t('portfolio.list.spent', { currency }),
              cell: (p) => <MoneyCell item={fundingById.get(p.partnershipId)} measure="spent" currency={currency} />,
              numeric: true,
            },
            { header: t('portfolio.list.burnRate'), cell: (p) => <BurnRate item={fundingById.get(p.partnershipId)} />, numeric: true },
            { header: t('portfolio.list.ownership'), cell: (p) => formatIndex(p.localOwnershipIndex), numeric: true },
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
