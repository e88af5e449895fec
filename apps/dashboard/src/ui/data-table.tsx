import type { ReactNode } from 'react';
import { Empty } from './states';

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
  if (rows.length === 0 && empty) return <Empty>{empty}</Empty>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid={testId}>
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

/** A chart with its data table one click away. */
export function ChartCard({ title, description, children, table, testId }: { title: string; description?: string; children: ReactNode; table?: ReactNode; testId?: string }) {
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      {description && <p className="muted">{description}</p>}
      {children}
      {table && (
        <details>
          <summary>Data table</summary>
          {table}
        </details>
      )}
    </section>
  );
}
