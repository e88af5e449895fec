import type { FundingGroup, WholeFunding } from '../api/api-types';
import { formatMoney, formatShare } from '../ui/format';
import { describeFigure, reportedFigure, type ReportedFigure } from './reported-money';

/** A headline figure in the reporting currency, with what no rate converted named under it. */
export function MoneyTile({ label, figure, testId }: { label: string; figure: ReportedFigure; testId: string }) {
  const { value, note } = describeFigure(figure);
  return (
    <div className="tile" data-testid={testId}>
      <span className="label">{label}</span>
      <span className="value">{value}</span>
      {note && (
        <span className="note" data-testid={`${testId}-unconverted`}>
          {note}
        </span>
      )}
    </div>
  );
}

type FundingRow = WholeFunding<FundingGroup>;

/** One partnership's figure in the reporting currency, or a dash with what no rate converts. */
export function MoneyCell({ item, measure, currency }: { item: FundingRow | undefined; measure: 'committed' | 'spent'; currency: string }) {
  const { value, note } = describeFigure(reportedFigure(item ? [item] : [], measure, currency));
  return (
    <>
      {value === '—' ? <span aria-label="not converted">—</span> : formatMoney(item?.reporting?.[measure] ?? 0, currency)}
      {note && <span className="cell-note">{note}</span>}
    </>
  );
}

/** Spent over what was available: "unknown" when currencies without a rate meet, and an overspend said in words and a symbol. */
export function BurnRate({ item }: { item: Pick<FundingRow, 'burnRate' | 'overspent'> | undefined }) {
  if (!item || item.burnRate === null) return <span title="Spending and funds are in currencies no recorded rate converts">unknown</span>;
  return item.overspent ? (
    <strong className="flag-overspent" data-testid="overspent">
      ⚠ {formatShare(item.burnRate)}: overspent
    </strong>
  ) : (
    <>{formatShare(item.burnRate)}</>
  );
}
