import type { DataSource } from 'typeorm';
import type { ReadModelSet } from '../storage/read-model-schemas';
import type { Page, PageRequest } from '../api/page';
import { readRow, type ColumnSet, type RowOf } from '../storage/columns';

export type { Page, PageRequest };

/** What every query needs: the TypeORM data source and where the read models live. */
export interface ReadModelContext {
  readonly db: DataSource;
  readonly models: ReadModelSet;
}

export const DEFAULT_LIMIT = 50;

/** Builds a WHERE clause with numbered parameters; values never enter the SQL text. */
export class Where {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** `?` in the clause stands for each value, in order. */
  add(clause: string, ...values: unknown[]): this {
    let index = 0;
    this.clauses.push(clause.replace(/\?/g, () => this.param(values[index++])));
    return this;
  }

  when(condition: unknown, clause: string, ...values: unknown[]): this {
    return condition === undefined || condition === null || condition === '' ? this : this.add(clause, ...values);
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** `sort` is "field" or "-field"; only whitelisted fields reach SQL. */
export function orderBy(sort: string | undefined, allowed: Readonly<Record<string, string>>, fallback: string, tieBreaker: string): string {
  const descending = sort?.startsWith('-') ?? false;
  const field = sort?.replace(/^-/, '');
  const column = field !== undefined ? allowed[field] : undefined;
  const primary = column ? `${column} ${descending ? 'DESC' : 'ASC'} NULLS LAST` : fallback;
  return `ORDER BY ${primary}, ${tieBreaker}`;
}

/** Counting stops here: past it a list says "at least" (`totalIsLowerBound`), which paging needs no more. */
export const COUNT_CAP = 10_000;

export async function paged<T>(
  ctx: ReadModelContext,
  select: string,
  from: string,
  where: Where,
  order: string,
  page: PageRequest,
  map: (row: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const offset = page.offset ?? 0;
  const filterParams = [...where.params];
  const [rows, counted] = await Promise.all([
    ctx.db.query<Record<string, unknown>[]>(`SELECT ${select} FROM ${from} ${where} ${order} LIMIT ${where.param(limit)} OFFSET ${where.param(offset)}`, where.params),
    ctx.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${where} LIMIT ${COUNT_CAP + 1}) c`, filterParams),
  ]);
  const total = Number(counted[0].n);
  return { items: rows.map(map), total: Math.min(total, COUNT_CAP), totalIsLowerBound: total > COUNT_CAP, limit, offset };
}

export function ratioOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * A query whose rows are declared like a table's columns (aggregates and joins included), so each row is read
 * through `readRow`: a column the SQL forgot, or one that came back NULL where none may, fails loudly.
 */
export async function selectRows<C extends ColumnSet>(ctx: ReadModelContext, shape: C, sql: string, params: readonly unknown[] = []): Promise<RowOf<C>[]> {
  const raw = await ctx.db.query<Record<string, unknown>[]>(sql, [...params]);
  return raw.map((r) => readRow(shape, r));
}
