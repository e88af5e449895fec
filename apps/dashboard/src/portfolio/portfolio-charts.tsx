import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalOwnershipRow, WholeInclusion } from '../api/api-types';
import { Chart } from '../ui/chart';
import { ChartCard, DataTable } from '../ui/data-table';
import { formatIndex, formatMoney, formatMoneyCompact, formatShare, humanise, listOf } from '../ui/format';
import { MEASURE_COLOURS, PALETTE } from '../ui/palette';
import { Empty } from '../ui/states';
import { fundingSankey, transferCurrencies, type FlowMeasure, type ProviderReceiverTotals } from './funding-sankey';
import { INDEX_METRICS } from './ownership-metrics';
import type { SpendingYear } from './spending-plan';

export function CountChart({ title, rows, testId }: { title: string; rows: readonly { key: string; count: number }[]; testId: string }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => humanise(r.key)), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t('charts.partnerships'), data: rows.map((r) => r.count), label: { show: true, position: 'right' } }],
    }),
    [rows, t],
  );
  return (
    <ChartCard
      title={title}
      testId={testId}
      table={
        <DataTable
          caption={title}
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { header: t('charts.group'), cell: (r) => humanise(r.key) },
            { header: t('charts.partnerships'), cell: (r) => r.count, numeric: true },
          ]}
        />
      }
    >
      {rows.length === 0 ? (
        <Empty>{t('charts.nothingToCount')}</Empty>
      ) : (
        <Chart option={option} label={`${title}: ${rows.map((r) => `${humanise(r.key)} ${r.count}`).join(', ')}`} height={Math.max(140, rows.length * 34 + 30)} />
      )}
    </ChartCard>
  );
}

const MEASURES: readonly FlowMeasure[] = ['committed', 'disbursed', 'spent'];

export function FundingSankeyCard({
  transfers,
  nameOf,
  preferredCurrency,
  measures = MEASURES,
  title,
}: {
  transfers: readonly ProviderReceiverTotals[];
  nameOf: (id: string) => string;
  preferredCurrency: string | null;
  measures?: readonly FlowMeasure[];
  title?: string;
}) {
  const { t } = useTranslation();
  const currencies = useMemo(() => transferCurrencies(transfers), [transfers]);
  const controlId = useId();
  const [currency, setCurrency] = useState<string | null>(preferredCurrency);
  const [measure, setMeasure] = useState<FlowMeasure>('committed');
  const active = currency && currencies.includes(currency) ? currency : (currencies[0] ?? null);
  const sankey = useMemo(() => (active ? fundingSankey(transfers, active, measure) : null), [transfers, active, measure]);
  const option = useMemo(
    () =>
      sankey && {
        tooltip: { trigger: 'item', valueFormatter: (v: number) => formatMoney(v, sankey.currency) },
        series: [
          {
            type: 'sankey',
            left: 8,
            right: 200,
            nodeAlign: 'left',
            emphasis: { focus: 'adjacency' },
            lineStyle: { color: 'gradient', opacity: 0.45 },
            label: { formatter: (p: { name: string }) => nameOf(p.name), color: '#1b1f24', textBorderColor: '#fff', textBorderWidth: 3, width: 190, overflow: 'break' },
            // Black is the palette's last colour: kept for lines, never for a node a link fades from.
            data: sankey.nodes.map((n, i) => ({ name: n.id, itemStyle: { color: PALETTE[i % (PALETTE.length - 1)] } })),
            links: sankey.links,
          },
        ],
      },
    [sankey, nameOf],
  );
  return (
    <ChartCard
      title={title ?? t('charts.sankey.title')}
      description={measures.includes('spent') ? t('charts.sankey.spentNote') : undefined}
      testId="funding-sankey"
      table={
        sankey && (
          <DataTable
            caption={t('charts.sankey.caption', { measure, currency: sankey.currency })}
            testId="sankey-table"
            rows={sankey.links}
            rowKey={(l) => `${l.source}>${l.target}`}
            columns={[
              { header: t('charts.sankey.from'), cell: (l) => nameOf(l.source) },
              { header: t('charts.sankey.to'), cell: (l) => nameOf(l.target) },
              { header: humanise(measure), cell: (l) => formatMoney(l.value, sankey.currency), numeric: true },
            ]}
          />
        )
      }
    >
      <div className="form-row">
        <fieldset className="toggle" aria-label={t('charts.sankey.measure')}>
          {measures.map((m) => (
            <label key={m}>
              <input type="radio" name={`${controlId}-measure`} value={m} checked={measure === m} onChange={() => setMeasure(m)} />
              <span>{humanise(m)}</span>
            </label>
          ))}
        </fieldset>
        {currencies.length > 1 && (
          <>
            <label htmlFor={`${controlId}-currency`}>{t('charts.sankey.currency')}</label>
            <select id={`${controlId}-currency`} value={active ?? ''} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </>
        )}
      </div>
      {!sankey || sankey.links.length === 0 ? (
        <Empty>{active ? t('charts.sankey.emptyIn', { currency: active }) : t('charts.sankey.empty')}</Empty>
      ) : (
        <Chart option={option!} label={t('charts.sankey.label', { measure: humanise(measure), currency: sankey.currency })} height={Math.max(260, sankey.nodes.length * 40)} />
      )}
    </ChartCard>
  );
}

export function SpendingChart({ rows, currency, unconverted }: { rows: readonly SpendingYear[]; currency: string; unconverted: readonly string[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatMoney(v, currency) },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoneyCompact(v, currency) } },
      series: [
        { type: 'bar', name: t('charts.spending.spentInYear'), data: rows.map((r) => r.spent), itemStyle: { color: MEASURE_COLOURS.spent } },
        { type: 'bar', name: t('charts.spending.plannedForYear'), data: rows.map((r) => r.planned), itemStyle: { color: MEASURE_COLOURS.committed } },
        { type: 'line', name: 'Spent, cumulative', data: rows.map((r) => r.cumulativeSpent), itemStyle: { color: MEASURE_COLOURS.spent }, symbol: 'circle' },
        {
          type: 'line',
          name: t('charts.spending.planCumulative'),
          data: rows.map((r) => r.cumulativePlanned),
          itemStyle: { color: MEASURE_COLOURS.plan },
          lineStyle: { type: 'dashed' },
          symbol: 'triangle',
        },
      ],
    }),
    [rows, currency, t],
  );
  return (
    <ChartCard
      title={t('charts.spending.title')}
      description={`${t('charts.spending.note', { currency })}${unconverted.length ? ` ${t('charts.spending.notIncluded', { currency, currencies: listOf(unconverted) })}` : ''}`}
      testId="spending-chart"
      table={
        <DataTable
          caption={t('charts.spending.caption', { currency })}
          testId="spending-table"
          rows={rows}
          rowKey={(r) => String(r.year)}
          columns={[
            { header: t('charts.spending.year'), cell: (r) => r.year },
            { header: t('charts.spending.planned'), cell: (r) => formatMoney(r.planned, currency), numeric: true },
            { header: t('charts.spending.spent'), cell: (r) => formatMoney(r.spent, currency), numeric: true },
            { header: t('charts.spending.planCumulative'), cell: (r) => formatMoney(r.cumulativePlanned, currency), numeric: true },
            { header: t('charts.spending.spentCumulative'), cell: (r) => formatMoney(r.cumulativeSpent, currency), numeric: true },
          ]}
        />
      }
    >
      {rows.length === 0 ? <Empty>{t('charts.spending.empty')}</Empty> : <Chart option={option} label={t('charts.spending.label', { currency })} />}
    </ChartCard>
  );
}

function metricText(value: number | null | undefined): string {
  return value === null || value === undefined ? 'no data' : formatShare(value);
}

export function OwnershipChart({ rows }: { rows: readonly LocalOwnershipRow[] }) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...rows].sort((a, b) => (b.metrics.index ?? -1) - (a.metrics.index ?? -1)), [rows]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const row = sorted[p.dataIndex];
          const lines = INDEX_METRICS.map(([key, label]) => `${label}: ${metricText(row.metrics[key])}`);
          return [`<strong>${escapeHtml(row.title)}</strong>`, `Index ${formatIndex(row.metrics.index)} (coverage ${formatShare(row.metrics.coverage)})`, ...lines].join('<br/>');
        },
      },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.title), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [{ type: 'bar', name: 'Local-ownership index', data: sorted.map((r) => r.metrics.index), label: { show: true, position: 'right' } }],
    }),
    [sorted],
  );
  return (
    <ChartCard
      title={t('charts.ownership.title')}
      description={t('charts.ownership.note')}
      testId="ownership-chart"
      table={
        <DataTable
          caption={t('charts.ownership.caption')}
          testId="ownership-table"
          rows={sorted}
          rowKey={(r) => r.partnershipId}
          columns={[
            { header: t('charts.ownership.partnership'), cell: (r) => r.title },
            { header: t('charts.ownership.index'), cell: (r) => formatIndex(r.metrics.index), numeric: true },
            ...INDEX_METRICS.map(([key, label]) => ({ header: label, cell: (r: LocalOwnershipRow) => metricText(r.metrics[key]), numeric: true })),
          ]}
        />
      }
    >
      {sorted.length === 0 ? (
        <Empty>{t('charts.noPartnerships')}</Empty>
      ) : (
        <Chart option={option} label={t('charts.ownership.title')} height={Math.max(160, sorted.length * 36 + 30)} />
      )}
    </ChartCard>
  );
}

export function WomenShareChart({ rows }: { rows: readonly WholeInclusion[] }) {
  const { t } = useTranslation();
  const withParticipants = rows.filter((r) => r.participants > 0);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: withParticipants.map((r) => r.key.title), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('charts.women.share'),
          data: withParticipants.map((r) => (r.womenShare === null ? null : Math.round(r.womenShare * 1000) / 10)),
          label: { show: true, position: 'right', formatter: '{c}%' },
          markLine: { symbol: 'none', data: [{ xAxis: 50, name: 'Parity' }], lineStyle: { type: 'dashed', color: '#000' }, label: { formatter: 'parity' } },
        },
      ],
    }),
    [withParticipants, t],
  );
  return (
    <ChartCard
      title={t('charts.women.title')}
      testId="women-share"
      table={
        <DataTable
          caption={t('charts.women.caption')}
          testId="women-table"
          rows={withParticipants}
          rowKey={(r) => r.key.partnershipId}
          columns={[
            { header: t('charts.women.partnership'), cell: (r) => r.key.title },
            { header: t('charts.women.women'), cell: (r) => r.women, numeric: true },
            { header: t('charts.women.men'), cell: (r) => r.men, numeric: true },
            { header: t('charts.women.undisclosed'), cell: (r) => r.undisclosed, numeric: true },
            { header: t('charts.women.share'), cell: (r) => formatShare(r.womenShare), numeric: true },
          ]}
        />
      }
    >
      {withParticipants.length === 0 ? (
        <Empty>{t('charts.women.empty')}</Empty>
      ) : (
        <Chart option={option} label={t('charts.women.label')} height={Math.max(140, withParticipants.length * 36 + 30)} />
      )}
    </ChartCard>
  );
}

export function RegionChart({ rows, currency }: { rows: readonly { region: string; partnerships: number; committed: number; countries: string[] }[]; currency: string }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => humanise(r.region)) },
      yAxis: [
        { type: 'value', name: t('charts.partnerships'), minInterval: 1 },
        { type: 'value', name: currency, axisLabel: { formatter: (v: number) => formatMoneyCompact(v, currency) } },
      ],
      series: [
        { type: 'bar', name: t('charts.partnerships'), data: rows.map((r) => r.partnerships) },
        { type: 'bar', name: `Committed (${currency})`, yAxisIndex: 1, data: rows.map((r) => r.committed), tooltip: { valueFormatter: (v: number) => formatMoney(v, currency) } },
      ],
    }),
    [rows, currency, t],
  );
  return (
    <ChartCard
      title={t('charts.region.title')}
      testId="region-chart"
      table={
        <DataTable
          caption={t('charts.region.caption', { currency })}
          rows={rows}
          rowKey={(r) => r.region}
          columns={[
            { header: t('charts.region.region'), cell: (r) => humanise(r.region) },
            { header: t('charts.region.countries'), cell: (r) => listOf(r.countries) },
            { header: t('charts.partnerships'), cell: (r) => r.partnerships, numeric: true },
            { header: t('charts.region.committed'), cell: (r) => formatMoney(r.committed, currency), numeric: true },
          ]}
        />
      }
    >
      {rows.length === 0 ? (
        <Empty>{t('charts.noPartnerships')}</Empty>
      ) : (
        <Chart option={option} label={t('charts.region.label', { groups: rows.map((r) => `${humanise(r.region)} ${r.partnerships}`).join(', ') })} height={260} />
      )}
    </ChartCard>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
