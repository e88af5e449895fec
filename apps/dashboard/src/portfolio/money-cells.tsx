import { useTranslation } from 'react-i18next';
import type { FundingGroup, WholeFunding } from '../api/api-types';
import { formatMoney, formatShare } from '../ui/format';
import { describeFigure, reportedFigure, type FigureNote, type ReportedFigure } from './reported-money';

/** What no rate converted, said in the reader's language. */
export function useFigureNote(): FigureNote {
  const { t } = useTranslation();
  return (amounts, currency, partial) => t(partial ? 'figures.unconvertedPartial' : 'figures.unconvertedAll', { amounts, currency });
}

/** A headline figure in the reporting currency, with what no rate converted named under it. */
export function MoneyTile({ label, figure, testId }: { label: string; figure: ReportedFigure; testId: string }) {
  const { value, note } = describeFigure(figure, useFigureNote());
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
  const { t } = useTranslation();
  const { value, note } = describeFigure(reportedFigure(item ? [item] : [], measure, currency), useFigureNote());
  return (
    <>
      {value === '—' ? <span aria-label={t('figures.notConverted')}>—</span> : formatMoney(item?.reporting?.[measure] ?? 0, currency)}
      {note && <span className="cell-note">{note}</span>}
    </>
  );
}

/** Spent over what was available: "unknown" when currencies without a rate meet, and an overspend said in words and a symbol. */
export function BurnRate({ item }: { item: Pick<FundingRow, 'burnRate' | 'overspent'> | undefined }) {
  const { t } = useTranslation();
  if (!item || item.burnRate === null) return <span title={t('figures.unknownBurnWhy')}>{t('figures.unknownBurn')}</span>;
  return item.overspent ? (
    <strong className="flag-overspent" data-testid="overspent">
      {t('figures.overspent', { share: formatShare(item.burnRate) })}
    </strong>
  ) : (
    <>{formatShare(item.burnRate)}</>
  );
}
