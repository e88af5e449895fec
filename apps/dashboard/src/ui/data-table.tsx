import { useRef, useState, type ReactNode } from 'react';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { useTranslation } from 'react-i18next';
import { Empty } from './states';

/** A file name from a caption: "Money as of this point" -> money-as-of-this-point.csv. */
const fileNameOf = (caption: string) =>
  `${
    caption
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'table'
  }.csv`;

/** The table as the reader sees it (each cell's text, formatted as shown), as a CSV file for a spreadsheet. */
function downloadCsv(table: HTMLTableElement, caption: string): void {
  // Intl puts no-break spaces in money and dates ("EUR 480,000.00"); a spreadsheet reads plain ones.
  const rows = [...table.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()));
  const blob = new Blob([stringify(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(caption);
  link.click();
  URL.revokeObjectURL(url);
}

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  readonly numeric?: boolean;
}

/** The numbers behind a chart (or a list in its own right), readable by keyboard and screen reader. */
/** `empty` says what it means that there are no rows yet; without it an empty table shows its headers. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
  empty,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  testId?: string;
  empty?: ReactNode;
}) {
  const table = useRef<HTMLTableElement>(null);
  const { t } = useTranslation();
  if (rows.length === 0 && empty) return <Empty>{empty}</Empty>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <button type="button" className="button-secondary table-download" onClick={() => table.current && downloadCsv(table.current, caption)}>
        {t('table.downloadCsv')}
        <span className="visually-hidden">: {caption}</span>
      </button>
      <table data-testid={testId} ref={table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} className={c.numeric ? 'numeric' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The data behind a chart, built only once opened: a closed table is work a slow phone need not do. */
function DataDetails({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('table.dataTable')}</summary>
      {open && children}
    </details>
  );
}

/** A chart with its data table one click away. */
export function ChartCard({ title, description, children, table, testId }: { title: string; description?: string; children: ReactNode; table?: ReactNode; testId?: string }) {
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {children}
      {table && <DataDetails>{table}</DataDetails>}
    </section>
  );
}
